//===- lexer-fuzzer.cpp - libFuzzer target for the lexer ------------------===//

#include "FuzzInput.h"
#include "ember/Basic/SanitizerOptions.h"
#include "ember/Lex/Lexer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ember::FuzzInput input;
  if (input.load(data, size))
    ember::lexBuffer(input.text, *input.diags);
  return 0;
}
