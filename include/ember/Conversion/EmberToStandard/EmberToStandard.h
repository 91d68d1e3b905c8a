//===- EmberToStandard.h - Lower ember to upstream dialects -----*- C++ -*-===//

#ifndef EMBER_CONVERSION_EMBERTOSTANDARD_EMBERTOSTANDARD_H
#define EMBER_CONVERSION_EMBERTOSTANDARD_EMBERTOSTANDARD_H

#include "mlir/Transforms/DialectConversion.h"

namespace ember {

/// Maps signed/unsigned integers to signless ones, `!ember.ref` to
/// `!llvm.ptr`, `!ember.str` to `!llvm.struct<(ptr, i64)>` and
/// `!ember.struct` to a literal LLVM struct of its converted fields.
class EmberTypeConverter : public mlir::TypeConverter {
public:
  explicit EmberTypeConverter(mlir::MLIRContext *context);
};

/// Patterns lowering scalar arithmetic, comparison and conversion ops.
void populateEmberArithmeticPatterns(EmberTypeConverter &converter,
                                     mlir::RewritePatternSet &patterns);
/// Patterns lowering locals, strings, printing, checks and exit.
void populateEmberRuntimePatterns(EmberTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
/// Patterns lowering struct values and field access.
void populateEmberStructPatterns(EmberTypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);
/// Patterns lowering `ember.parallel` to OpenMP.
void populateEmberParallelPatterns(EmberTypeConverter &converter,
                                   mlir::RewritePatternSet &patterns);
/// Patterns lowering GPU positions, barriers and launches, for the GPU in a
/// `gpu.module` and for the emulator elsewhere.
void populateEmberGPUPatterns(EmberTypeConverter &converter,
                              mlir::RewritePatternSet &patterns);
/// Patterns lowering stack and shared memory, and atomics.
void populateEmberMemoryPatterns(EmberTypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);
/// The name a kernel's function has in the GPU's code.
std::string getKernelDeviceName(llvm::StringRef symbol);
/// The global that holds the program's GPU code (PTX or a fatbin).
inline constexpr const char *kGPUImageSymbol = "ember_gpu_image";
/// Patterns lowering pointers, heap memory and string views.
void populateEmberPointerPatterns(EmberTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
/// All patterns of `convert-ember-to-standard`.
void populateEmberToStandardPatterns(EmberTypeConverter &converter,
                                     mlir::RewritePatternSet &patterns);

} // namespace ember

#endif
