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

def ExtractGPUKernels : Pass<"ember-extract-gpu-kernels", "::mlir::ModuleOp"> {
  let summary = "Keep only the kernels, in a gpu.module, for the GPU build";
  let description = [{
    The first step of compiling for the GPU, on a copy of the program:
    the functions marked `ember.kernel` and every function they call are
    moved into `gpu.module @ember_kernels`, and the rest of the module is
    dropped. The kernels keep their marker, which `ember-mark-nvvm-kernels`
    reads once they are LLVM functions.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def MarkNVVMKernels : Pass<"ember-mark-nvvm-kernels", "::mlir::gpu::GPUModuleOp"> {
  let summary = "Make the kernels' LLVM functions NVVM entry points";
  let description = [{
    After `convert-gpu-to-nvvm`: each `llvm.func` marked `ember.kernel`
    becomes a kernel (`nvvm.kernel`), and the C-interface wrappers that the
    conversion adds to every function are dropped, as nothing calls them.
  }];
  let dependentDialects = ["::mlir::NVVM::NVVMDialect"];
}

#endif
