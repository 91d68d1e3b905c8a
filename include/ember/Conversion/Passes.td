//===- Passes.td - Ember conversion passes ------------------*- tablegen -*-===//

#ifndef EMBER_CONVERSION_PASSES
#define EMBER_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertEmberToStandard
    : Pass<"convert-ember-to-standard", "::mlir::ModuleOp"> {
  let summary = "Lower the ember dialect to arith, math, cf, func and llvm";
  let description = [{
    First applies the ember dialect's canonicalization patterns (such as
    `a % b == 0` to a truncated remainder test), then replaces every
    `ember` op by upstream ops with the language's semantics
    spelled out: Python-style floor division and modulo with a zero-divisor
    check, saturating float-to-integer conversion, run-time checks that stop
    the program with a located message, and calls into `libember_rt` for
    printing. Signed and unsigned integer types become signless, locals
    become `llvm.alloca` slots and string literals become `llvm` globals.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect", "::mlir::math::MathDialect",
    "::mlir::LLVM::LLVMDialect", "::mlir::vector::VectorDialect",
    "::mlir::omp::OpenMPDialect", "::mlir::gpu::GPUDialect"
  ];
}

#endif
