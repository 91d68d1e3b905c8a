//===- LLVMTarget.h - LLVM IR, assembly and object emission -----*- C++ -*-===//

#ifndef EMBER_TARGET_LLVMTARGET_H
#define EMBER_TARGET_LLVMTARGET_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace ember {

struct TargetOptions {
  /// Empty: the host's triple, CPU and CPU features.
  std::string triple;
  std::string cpu;
  unsigned optLevel = 2;
};

/// The bits of the widest SIMD register the target's code may use: what
/// `simd_width_of` divides. 128 where the features are not the host's.
unsigned getVectorRegisterBits(const TargetOptions &options);

/// Creates the TargetMachine, or returns null and sets `error`.
std::unique_ptr<llvm::TargetMachine>
createTargetMachine(const TargetOptions &options, std::string &error);

/// Translates an LLVM-dialect module to LLVM IR for `machine`.
std::unique_ptr<llvm::Module> translateToLLVMIR(mlir::ModuleOp module,
                                                llvm::LLVMContext &context,
                                                llvm::TargetMachine &machine);

/// Runs the new pass manager's default pipeline at `optLevel` (0 to 3).
void optimizeModule(llvm::Module &module, llvm::TargetMachine &machine,
                    unsigned optLevel);

/// Writes assembly or an object file; returns false and sets `error` on
/// failure.
bool emitMachineCode(llvm::Module &module, llvm::TargetMachine &machine,
                     llvm::CodeGenFileType type, llvm::raw_pwrite_stream &os,
                     std::string &error);

} // namespace ember

#endif
