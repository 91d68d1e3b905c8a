//===- emberc.cpp - The Ember compiler ------------------------------------===//

#include "ember/Driver/Driver.h"

#include "llvm/Support/InitLLVM.h"

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  return ember::runDriver(argc, argv);
}
