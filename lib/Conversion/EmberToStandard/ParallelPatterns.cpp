//===- ParallelPatterns.cpp - Lower ember.parallel to OpenMP --------------===//
//
// `ember.parallel` becomes an OpenMP parallel region around a worksharing
// loop over the items, which MLIR's OpenMP translation turns into calls of
// libomp (`__kmpc_fork_call`, `__kmpc_dispatch_*`). The loop hands out one
// item at a time (a dynamic schedule), so that uneven items keep every
// thread busy. The thread count is the op's, else the runtime's default:
// `EMBER_NUM_THREADS`, `OMP_NUM_THREADS`, or one per logical core. (The
// op goes to the OpenMP dialect directly: `scf.parallel` would carry
// neither the thread count nor the schedule.)
//
//===----------------------------------------------------------------------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "RuntimeCalls.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"

using namespace mlir;
using namespace ember;

namespace {

struct ParallelOpLowering : OpConversionPattern<ParallelOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ParallelOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = getContext();
    Type i64 = rewriter.getI64Type();
    Value workers = adaptor.getWorkers();
    if (!workers)
      workers = callRuntime(rewriter, loc, "ember_rt_parallel_workers", i64, {})
                    .getResult(0);
    Value zero = LLVM::ConstantOp::create(rewriter, loc, i64, int64_t(0));
    Value one = LLVM::ConstantOp::create(rewriter, loc, i64, int64_t(1));

    omp::ParallelOperands parallelClauses;
    parallelClauses.numThreads =
        LLVM::TruncOp::create(rewriter, loc, rewriter.getI32Type(), workers);
    auto parallel = omp::ParallelOp::create(rewriter, loc, parallelClauses);
    rewriter.createBlock(&parallel.getRegion());
    omp::WsloopOperands loopClauses;
    loopClauses.scheduleKind = omp::ClauseScheduleKindAttr::get(
        context, omp::ClauseScheduleKind::Dynamic);
    loopClauses.scheduleChunk = one;
    auto loop = omp::WsloopOp::create(rewriter, loc, loopClauses);
    omp::TerminatorOp::create(rewriter, loc);
    rewriter.createBlock(&loop.getRegion());
    omp::LoopNestOperands nestClauses;
    nestClauses.loopLowerBounds = {zero};
    nestClauses.loopUpperBounds = {adaptor.getCount()};
    nestClauses.loopSteps = {one};
    auto nest = omp::LoopNestOp::create(rewriter, loc, nestClauses);
    Block *item = rewriter.createBlock(&nest.getRegion(), {}, {i64}, {loc});

    // The body runs in the loop, its arguments the index and the captures.
    if (failed(rewriter.convertRegionTypes(&op.getBody(), *getTypeConverter())))
      return rewriter.notifyMatchFailure(op, "unconvertible captures");
    SmallVector<Value> arguments = {item->getArgument(0)};
    llvm::append_range(arguments, adaptor.getCaptures());
    rewriter.inlineBlockBefore(&op.getBody().front(), item, item->end(),
                               arguments);
    rewriter.eraseOp(op);
    return success();
  }
};

/// The end of an item is the end of an iteration of the loop nest.
struct YieldOpLowering : OpConversionPattern<YieldOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(YieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<omp::YieldOp>(op, ValueRange{});
    return success();
  }
};

} // namespace

void ember::populateEmberParallelPatterns(EmberTypeConverter &converter,
                                          RewritePatternSet &patterns) {
  patterns.add<ParallelOpLowering, YieldOpLowering>(converter,
                                                    patterns.getContext());
}
