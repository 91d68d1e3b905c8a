//===- EmberToStandard.cpp - The convert-ember-to-standard pass -----------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "ember/Conversion/Passes.h"
#include "RuntimeCalls.h"
#include "ember/Dialect/Ember/IR/EmberDialect.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
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
  // `SIMD[dtype, w]`: a vector of signless lanes.
  addConversion([this](VectorType type) -> Type {
    Type element = convertType(type.getElementType());
    return element ? VectorType::get(type.getShape(), element) : Type();
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

/// IRGen builds SIMD vectors with the vector dialect's ops on Ember's
/// signed and unsigned lanes; on signless lanes they are the same ops, so
/// only their types change.
struct VectorOpTypeConversion : ConversionPattern {
  VectorOpTypeConversion(const TypeConverter &converter, MLIRContext *context)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          context) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<vector::VectorDialect>(op->getDialect()) || op->getNumRegions())
      return failure();
    SmallVector<Type> results;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(), results)))
      return rewriter.notifyMatchFailure(op, "unconvertible result types");
    Operation *converted = rewriter.clone(*op);
    converted->setOperands(operands);
    for (auto [result, type] : llvm::zip(converted->getResults(), results))
      result.setType(type);
    rewriter.replaceOp(op, converted->getResults());
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
  populateEmberParallelPatterns(converter, patterns);
  populateEmberGPUPatterns(converter, patterns);
  populateEmberMemoryPatterns(converter, patterns);
  patterns.add<FuncOpTypeConversion, VectorOpTypeConversion>(
      converter, patterns.getContext());
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
                           LLVM::LLVMDialect, gpu::GPUDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    // Ops whose operands may still carry Ember types are legal once their
    // types are converted.
    target.markUnknownOpDynamicallyLegal([&](Operation *op) {
      return converter.isLegal(op);
    });
    // On a GPU, `sqrt` is the correctly rounded instruction, as on the CPU,
    // not libdevice's approximation.
    target.addDynamicallyLegalOp<math::SqrtOp>([&](math::SqrtOp op) {
      return !isDeviceCode(op) || !getDeviceSqrtIntrinsic(op.getType());
    });
    target.addDynamicallyLegalOp<func::CallOp, func::ReturnOp,
                                 arith::SelectOp, cf::BranchOp,
                                 cf::CondBranchOp>(
        [&](Operation *op) { return converter.isLegal(op); });

    // No folding: folders of other dialects would make constants of
    // Ember's signed types, which nothing converts.
    ConversionConfig conversionConfig;
    conversionConfig.foldingMode = DialectConversionFoldingMode::Never;
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns), conversionConfig)))
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
