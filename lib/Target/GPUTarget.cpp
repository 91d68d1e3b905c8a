//===- GPUTarget.cpp - Kernels compiled for NVIDIA GPUs -------------------===//
//
// The GPU build runs `ember-to-nvvm` on a copy of the program and takes
// the PTX (or fatbin) that `gpu-module-to-binary` leaves in the module;
// the driver embeds it in the executable for the runtime to load.
//
//===----------------------------------------------------------------------===//

#include "ember/Target/GPUTarget.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/NVVMToLLVM/NVVMToLLVM.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVM.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVM/NVVM/Target.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdlib>

using namespace ember;

void ember::registerGPUTarget(mlir::DialectRegistry &registry) {
  registry.insert<mlir::gpu::GPUDialect, mlir::NVVM::NVVMDialect>();
  mlir::NVVM::registerNVVMTargetInterfaceExternalModels(registry);
  mlir::arith::registerConvertArithToLLVMInterface(registry);
  mlir::cf::registerConvertControlFlowToLLVMInterface(registry);
  mlir::registerConvertFuncToLLVMInterface(registry);
  mlir::registerConvertMathToLLVMInterface(registry);
  mlir::vector::registerConvertVectorToLLVMInterface(registry);
  mlir::registerConvertNVVMToLLVMInterface(registry);
  mlir::ub::registerConvertUBToLLVMInterface(registry);
  mlir::NVVM::registerConvertGpuToNVVMInterface(registry);
  mlir::registerBuiltinDialectTranslation(registry);
  mlir::registerLLVMDialectTranslation(registry);
  mlir::registerNVVMDialectTranslation(registry);
  mlir::registerGPUDialectTranslation(registry);
}

std::string ember::findCUDAToolkit() {
  for (const char *candidate :
       {static_cast<const char *>(std::getenv("CUDA_HOME")), "/usr/local/cuda"}) {
    if (!candidate || !*candidate)
      continue;
    llvm::SmallString<256> ptxas(candidate);
    llvm::sys::path::append(ptxas, "bin", "ptxas");
    if (llvm::sys::fs::can_execute(ptxas))
      return candidate;
  }
  return "";
}

bool ember::hasCUDADevice() {
  std::string error;
  auto driver =
      llvm::sys::DynamicLibrary::getPermanentLibrary("libcuda.so.1", &error);
  if (!driver.isValid())
    return false;
  using InitFn = int (*)(unsigned);
  using CountFn = int (*)(int *);
  auto init = reinterpret_cast<InitFn>(driver.getAddressOfSymbol("cuInit"));
  auto count =
      reinterpret_cast<CountFn>(driver.getAddressOfSymbol("cuDeviceGetCount"));
  int devices = 0;
  return init && count && init(0) == 0 && count(&devices) == 0 && devices > 0;
}

bool ember::hasGPUKernels(mlir::ModuleOp module) {
  for (auto fn : module.getOps<mlir::func::FuncOp>())
    if (fn->hasAttr("ember.kernel"))
      return true;
  return false;
}

mlir::LogicalResult ember::buildGPUImage(mlir::ModuleOp module,
                                         const NVVMPipelineOptions &options,
                                         std::string &image) {
  mlir::MLIRContext *context = module.getContext();
  mlir::DialectRegistry registry;
  registerGPUTarget(registry);
  context->appendDialectRegistry(registry);
  mlir::OwningOpRef<mlir::ModuleOp> device = module.clone();
  mlir::PassManager pm(context);
  buildNVVMPipeline(pm, options);
  if (mlir::failed(pm.run(*device)))
    return mlir::failure();
  for (auto binary : device->getOps<mlir::gpu::BinaryOp>())
    for (mlir::Attribute object : binary.getObjects()) {
      image = llvm::cast<mlir::gpu::ObjectAttr>(object).getObject().str();
      // The driver reads PTX up to its terminating NUL.
      image.push_back('\0');
      return mlir::success();
    }
  return mlir::failure();
}
