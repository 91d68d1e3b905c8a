//===- RuntimeCalls.h - Calls into libember_rt from lowerings ---*- C++ -*-===//

#ifndef EMBER_LIB_CONVERSION_EMBERTOSTANDARD_RUNTIMECALLS_H
#define EMBER_LIB_CONVERSION_EMBERTOSTANDARD_RUNTIMECALLS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"

namespace ember {

/// Whether `op` is in GPU code: in a `gpu.module`.
bool isDeviceCode(mlir::Operation *op);

/// The NVVM intrinsic of a correctly rounded square root of `type`, if any.
const char *getDeviceSqrtIntrinsic(mlir::Type type);

/// The module whose symbols code in `op` uses: the `gpu.module` of GPU
/// code, else the module.
mlir::Operation *getSymbolScope(mlir::Operation *op);

/// Calls the runtime function `name`, declaring it in the module first if
/// needed.
mlir::func::CallOp callRuntime(mlir::OpBuilder &builder, mlir::Location loc,
                               llvm::StringRef name,
                               mlir::TypeRange resultTypes,
                               mlir::ValueRange args);

/// A `!llvm.struct<(ptr, i64)>` pointing at a constant global holding
/// `value`.
mlir::Value createStringValue(mlir::OpBuilder &builder, mlir::Location loc,
                              llvm::StringRef value);

/// Splits the current block: execution continues at the insertion point
/// only if `condition` holds; otherwise the program stops with
/// `file:line:col: error: <message>` taken from `loc`.
/// Whether the module of `op` checks at run time (`ember.runtime_checks`).
bool areRuntimeChecksOn(mlir::Operation *op);

void emitRuntimeCheck(mlir::RewriterBase &rewriter, mlir::Location loc,
                      mlir::Value condition, llvm::StringRef message);

} // namespace ember

#endif
