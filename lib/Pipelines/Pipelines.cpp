//===- Pipelines.cpp - Named pass pipelines -------------------------------===//

#include "ember/Pipelines/Pipelines.h"

#include "ember/Conversion/Passes.h"
#include "ember/Dialect/Ember/Transforms/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Pass/PassRegistry.h"

void ember::buildCPUPipeline(mlir::OpPassManager &pm) {
  pm.addNestedPass<mlir::func::FuncOp>(createCheckInitialization());
  pm.addPass(createConvertEmberToStandard());
  pm.addPass(mlir::createConvertMathToLLVMPass());
  pm.addPass(mlir::createArithToLLVMConversionPass());
  pm.addPass(mlir::createConvertControlFlowToLLVMPass());
  pm.addPass(mlir::createConvertFuncToLLVMPass());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
}

void ember::registerPipelines() {
  mlir::PassPipelineRegistration<>(
      "ember-to-llvm", "Lower the ember dialect to the LLVM dialect for a CPU",
      buildCPUPipeline);
}
