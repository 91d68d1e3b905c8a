//===- parser-fuzzer.cpp - libFuzzer target for the parser ----------------===//

#include "FuzzInput.h"
#include "ember/Basic/SanitizerOptions.h"
#include "ember/AST/ASTDumper.h"
#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"

static void fuzzOneInput(const uint8_t *data, size_t size) {
  ember::FuzzInput input;
  if (!input.load(data, size))
    return;
  auto tokens = ember::lexBuffer(input.text, *input.diags);
  auto module = ember::parseModule("fuzz", tokens, *input.diags);
  ember::dumpAST(*module, input.sourceMgr, llvm::nulls());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ember::runWithCompilerStack([&] { fuzzOneInput(data, size); });
  return 0;
}
