//===- GPUKernels.cpp - Kernels into a gpu.module, and out as NVVM --------===//
//
// The GPU build of a program runs on a copy of its ember IR. The kernels
// and what they call move into `gpu.module @ember_kernels`; the same
// lowering as the host's then applies, with the GPU's own lowering of
// positions and barriers inside the gpu.module, and `convert-gpu-to-nvvm`
// makes LLVM functions of them. The kernels are marked as entry points
// last, as the conversion would not accept `nvvm.kernel` on a `func.func`.
//
//===----------------------------------------------------------------------===//

#include "ember/Conversion/Passes.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/IR/SymbolTable.h"

namespace ember {
#define GEN_PASS_DEF_EXTRACTGPUKERNELS
#define GEN_PASS_DEF_MARKNVVMKERNELS
#include "ember/Conversion/Passes.h.inc"
} // namespace ember

using namespace mlir;

namespace {

struct ExtractGPUKernels
    : ember::impl::ExtractGPUKernelsBase<ExtractGPUKernels> {
  /// Reports what a GPU cannot run: heap memory, C functions, `exit`.
  static LogicalResult checkDeviceCode(ArrayRef<func::FuncOp> functions,
                                       SymbolTable &symbols) {
    bool ok = true;
    for (func::FuncOp fn : functions)
      fn.walk([&](Operation *op) {
        const char *what = nullptr;
        if (isa<ember::AllocOp, ember::FreeOp>(op))
          what = "heap memory (`alloc`, `String`, `List`, ...)";
        else if (isa<ember::ExitOp>(op))
          what = "`exit`";
        else if (isa<ember::FormatOp>(op))
          what = "formatting a number as text";
        else if (auto call = dyn_cast<func::CallOp>(op)) {
          auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
          if (callee && callee.isExternal())
            what = "a C function";
        }
        if (what) {
          op->emitError() << what << " cannot be used in a GPU kernel";
          ok = false;
        }
      });
    return success(ok);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    // The kernels, then everything they reach.
    SmallVector<func::FuncOp> needed;
    llvm::SmallPtrSet<Operation *, 16> seen;
    for (auto fn : module.getOps<func::FuncOp>())
      if (fn->hasAttr("ember.kernel") && seen.insert(fn).second)
        needed.push_back(fn);
    for (size_t i = 0; i < needed.size(); ++i) {
      auto uses = SymbolTable::getSymbolUses(needed[i]);
      if (!uses)
        continue;
      for (const SymbolTable::SymbolUse &use : *uses) {
        auto callee = symbols.lookup<func::FuncOp>(
            use.getSymbolRef().getRootReference());
        if (callee && seen.insert(callee).second)
          needed.push_back(callee);
      }
    }

    if (failed(checkDeviceCode(needed, symbols)))
      return signalPassFailure();

    OpBuilder builder(module.getBodyRegion());
    builder.setInsertionPointToEnd(module.getBody());
    auto gpuModule =
        gpu::GPUModuleOp::create(builder, module.getLoc(), "ember_kernels");
    builder.setInsertionPointToStart(gpuModule.getBody());
    for (func::FuncOp fn : needed) {
      func::FuncOp copy = cast<func::FuncOp>(builder.clone(*fn));
      if (!copy->hasAttr("ember.kernel"))
        continue;
      // What the host launches is visible, under a name PTX can spell.
      copy.setPublic();
      auto name = StringAttr::get(
          &getContext(), ember::getKernelDeviceName(copy.getSymName()));
      if (failed(SymbolTable::replaceAllSymbolUses(copy, name, gpuModule)))
        return signalPassFailure();
      SymbolTable::setSymbolName(copy, name);
    }
    for (Operation &op : llvm::make_early_inc_range(*module.getBody()))
      if (&op != gpuModule.getOperation())
        op.erase();
    module->setAttr(gpu::GPUDialect::getContainerModuleAttrName(),
                    builder.getUnitAttr());
  }
};

struct MarkNVVMKernels : ember::impl::MarkNVVMKernelsBase<MarkNVVMKernels> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    StringRef wrapperAttr = LLVM::LLVMDialect::getEmitCWrapperAttrName();
    for (auto fn : llvm::make_early_inc_range(
             getOperation().getOps<LLVM::LLVMFuncOp>())) {
      if (fn.getName().starts_with("_mlir_ciface_")) {
        fn.erase();
        continue;
      }
      fn->removeAttr(wrapperAttr);
      if (fn->removeAttr("ember.kernel"))
        fn->setAttr(NVVM::NVVMDialect::getKernelFuncAttrName(),
                    UnitAttr::get(context));
    }
  }
};

} // namespace
