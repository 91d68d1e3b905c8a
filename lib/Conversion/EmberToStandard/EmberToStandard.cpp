//===- EmberToStandard.cpp - The convert-ember-to-standard pass -----------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "ember/Conversion/Passes.h"
#include "ember/Dialect/Ember/IR/EmberDialect.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ember {
#define GEN_PASS_DEF_CONVERTEMBERTOSTANDARD
#include "ember/Conversion/Passes.h.inc"
} // namespace ember

using namespace mlir;
using namespace ember;

EmberTypeConverter::EmberTypeConverter(MLIRContext *context) {
  addConversion([](Type type) { return type; });
  addConversion([context](IntegerType type) -> Type {
    return IntegerType::get(context, type.getWidth());
  });
  addConversion([context](RefType) -> Type {
    return LLVM::LLVMPointerType::get(context);
  });
  addConversion([context](PtrType) -> Type {
    return LLVM::LLVMPointerType::get(context);
  });
  addConversion([this, context](StructValueType type) -> Type {
    SmallVector<Type> fields;
    if (failed(convertTypes(type.getFields(), fields)))
      return {};
    return LLVM::LLVMStructType::getLiteral(context, fields);
  });
  addConversion([context](StrType) -> Type {
    return LLVM::LLVMStructType::getLiteral(
        context,
        {LLVM::LLVMPointerType::get(context), IntegerType::get(context, 64)});
  });
}

namespace {

/// Converts a function's signature and the argument types of all its
/// blocks, not only of the entry block.
struct FuncOpTypeConversion : OpConversionPattern<func::FuncOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(func::FuncOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FunctionType type = op.getFunctionType();
    TypeConverter::SignatureConversion signature(type.getNumInputs());
    SmallVector<Type> results;
    if (failed(getTypeConverter()->convertSignatureArgs(type.getInputs(),
                                                        signature)) ||
        failed(getTypeConverter()->convertTypes(type.getResults(), results)))
      return rewriter.notifyMatchFailure(op, "unconvertible signature");
    if (!op.isExternal() &&
        failed(rewriter.convertRegionTypes(&op.getBody(), *getTypeConverter(),
                                           &signature)))
      return rewriter.notifyMatchFailure(op, "unconvertible block types");
    rewriter.modifyOpInPlace(op, [&] {
      op.setFunctionType(rewriter.getFunctionType(
          signature.getConvertedTypes(), results));
    });
    return success();
  }
};

} // namespace

void ember::populateEmberToStandardPatterns(EmberTypeConverter &converter,
                                            RewritePatternSet &patterns) {
  populateEmberArithmeticPatterns(converter, patterns);
  populateEmberRuntimePatterns(converter, patterns);
  populateEmberStructPatterns(converter, patterns);
  populateEmberPointerPatterns(converter, patterns);
  patterns.add<FuncOpTypeConversion>(converter, patterns.getContext());
  populateCallOpTypeConversionPattern(patterns, converter);
  populateBranchOpInterfaceTypeConversionPattern(patterns, converter);
  populateReturnOpTypeConversionPattern(patterns, converter);
}

namespace {

struct ConvertEmberToStandard
    : ember::impl::ConvertEmberToStandardBase<ConvertEmberToStandard> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    // Ember's own canonicalizations need Ember's types, so they run here.
    // (The generic canonicalizer is not safe on Ember IR: cf's patterns
    // turn branches on constants into arith ops, which need signless types.)
    // Only the patterns: no folding, constant merging or CFG changes.
    RewritePatternSet simplifications(context);
    CmpOp::getCanonicalizationPatterns(simplifications, context);
    GreedyRewriteConfig config;
    config.enableFolding(false).enableConstantCSE(false)
        .setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    if (failed(applyPatternsGreedily(getOperation(),
                                     std::move(simplifications), config)))
      return signalPassFailure();

    EmberTypeConverter converter(context);
    RewritePatternSet patterns(context);
    populateEmberToStandardPatterns(converter, patterns);

    ConversionTarget target(*context);
    target.addIllegalDialect<EmberDialect>();
    target.addLegalDialect<arith::ArithDialect, cf::ControlFlowDialect,
                           func::FuncDialect, math::MathDialect,
                           LLVM::LLVMDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    // Ops whose operands may still carry Ember types are legal once their
    // types are converted.
    target.markUnknownOpDynamicallyLegal([&](Operation *op) {
      return converter.isLegal(op);
    });
    target.addDynamicallyLegalOp<func::CallOp, func::ReturnOp,
                                 arith::SelectOp, cf::BranchOp,
                                 cf::CondBranchOp>(
        [&](Operation *op) { return converter.isLegal(op); });

    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      return signalPassFailure();

    // Private definitions are internal to the object file, which lets LLVM
    // drop or specialize them.
    getOperation().walk([&](func::FuncOp fn) {
      if (fn.isPrivate() && !fn.isExternal())
        fn->setAttr("llvm.linkage",
                    LLVM::LinkageAttr::get(context, LLVM::Linkage::Internal));
    });
  }
};

} // namespace
