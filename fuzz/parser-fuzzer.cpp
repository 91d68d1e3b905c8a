//===- parser-fuzzer.cpp - libFuzzer target for the parser ----------------===//

#include "FuzzInput.h"
#include "ember/AST/ASTDumper.h"
#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ember::FuzzInput input;
  if (!input.load(data, size))
    return 0;
  auto tokens = ember::lexBuffer(input.text, *input.diags);
  auto module = ember::parseModule("fuzz", tokens, *input.diags);
  ember::dumpAST(*module, input.sourceMgr, llvm::nulls());
  return 0;
}
