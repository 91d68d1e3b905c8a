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
/// Patterns lowering pointers, heap memory and string views.
void populateEmberParallelPatterns(EmberTypeConverter &converter,
                                   mlir::RewritePatternSet &patterns);
void populateEmberPointerPatterns(EmberTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
/// All patterns of `convert-ember-to-standard`.
void populateEmberToStandardPatterns(EmberTypeConverter &converter,
                                     mlir::RewritePatternSet &patterns);

} // namespace ember

#endif
