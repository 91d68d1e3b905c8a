//===- frontend-fuzzer.cpp - libFuzzer target for the whole frontend ------===//
//
// Lexes, parses, checks and emits the input, runs the checks on the IR,
// then lowers what passes them to the LLVM dialect, which must not fail.
//
//===----------------------------------------------------------------------===//

#include "FuzzInput.h"
#include "ember/Basic/SanitizerOptions.h"
#include "ember/Dialect/Ember/IR/EmberDialect.h"
#include "ember/IRGen/IRGen.h"
#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"
#include "ember/Pipelines/Pipelines.h"
#include "ember/Sema/Sema.h"
#include "ember/Stdlib/Prelude.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"

#include <cstdlib>

static void fuzzOneInput(const uint8_t *data, size_t size) {
  ember::FuzzInput input;
  if (!input.load(data, size))
    return;
  auto tokens = ember::lexBuffer(input.text, *input.diags);
  auto module = ember::parseModule("fuzz", tokens, *input.diags);
  ember::addPrelude(*module, *input.diags);
  if (!ember::checkModule(*module, *input.diags) || input.diags->hadError())
    return;

  // A context per input: each input runs on a thread of its own, and
  // MLIR's thread-local uniquing caches must not outlive their thread.
  mlir::MLIRContext context;
  context.loadDialect<ember::EmberDialect, mlir::func::FuncDialect,
                      mlir::cf::ControlFlowDialect, mlir::arith::ArithDialect,
                      mlir::math::MathDialect, mlir::LLVM::LLVMDialect>();
  mlir::ScopedDiagnosticHandler quiet(&context, [](mlir::Diagnostic &) {
    return mlir::success();
  });
  auto ir = ember::emitModule(*module, context, input.sourceMgr);
  // A checked program must give valid IR that lowers without error.
  if (failed(mlir::verify(*ir)))
    abort();
  // The checks on the IR may reject the program; what passes them must
  // lower without error.
  mlir::PassManager checks(&context);
  ember::buildCheckPipeline(checks);
  if (failed(checks.run(*ir)))
    return;
  mlir::PassManager pm(&context);
  ember::buildCPULoweringPipeline(pm);
  if (failed(pm.run(*ir)))
    abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ember::runWithCompilerStack([&] { fuzzOneInput(data, size); });
  return 0;
}
