//===- ember-opt.cpp - MLIR optimizer driver with Ember registered --------===//

#include "ember/Basic/SanitizerOptions.h"
#include "ember/Conversion/Passes.h"
#include "ember/Dialect/Ember/IR/EmberDialect.h"
#include "ember/Dialect/Ember/Transforms/Passes.h"
#include "ember/Pipelines/Pipelines.h"
#include "ember/Target/GPUTarget.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  ember::registerEmberConversionPasses();
  ember::registerEmberTransformsPasses();
  ember::registerPipelines();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  registry.insert<ember::EmberDialect>();
  ember::registerGPUTarget(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Ember optimizer driver\n", registry));
}
