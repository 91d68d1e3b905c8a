//===- RuntimePatterns.cpp - Lower locals, strings and runtime services ---===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "RuntimeCalls.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace ember;

namespace {

struct LocalOpLowering : OpConversionPattern<LocalOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(LocalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type elementType =
        getTypeConverter()->convertType(op.getRef().getType().getElementType());
    Value one = LLVM::ConstantOp::create(rewriter, op.getLoc(),
                                         rewriter.getI64Type(), 1);
    rewriter.replaceOpWithNewOp<LLVM::AllocaOp>(
        op, LLVM::LLVMPointerType::get(getContext()), elementType, one);
    return success();
  }
};

/// `ember.load` and `ember.move` both read the slot; a move's meaning was
/// for the initialization checker.
template <typename ReadOp>
struct ReadOpLowering : OpConversionPattern<ReadOp> {
  using OpConversionPattern<ReadOp>::OpConversionPattern;
  using OpAdaptor = typename ReadOp::Adaptor;
  LogicalResult
  matchAndRewrite(ReadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(
        op, this->getTypeConverter()->convertType(op.getType()),
        adaptor.getRef());
    return success();
  }
};

struct StoreOpLowering : OpConversionPattern<StoreOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(StoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::StoreOp>(op, adaptor.getValue(),
                                               adaptor.getRef());
    return success();
  }
};

struct StringConstantOpLowering : OpConversionPattern<StringConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(StringConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op,
                       createStringValue(rewriter, op.getLoc(), op.getValue()));
    return success();
  }
};

/// Whether `type` (an Ember integer type, or `Bool`) prints unsigned.
static bool printsUnsigned(IntegerType type) {
  return type.isUnsigned() || type.getWidth() == 1;
}

/// `value`, an integer of `type` after conversion, widened to the 64 bits
/// `printf`'s `%lld` and `%llu` take.
static Value widenForPrintf(OpBuilder &b, Location loc, IntegerType type,
                            Value value) {
  if (type.getWidth() >= 64)
    return value;
  Type i64 = b.getI64Type();
  return printsUnsigned(type) ? Value(arith::ExtUIOp::create(b, loc, i64, value))
                              : Value(arith::ExtSIOp::create(b, loc, i64, value));
}

/// One runtime call per value, separator and end.
func::CallOp callScalarRuntime(OpBuilder &b, Location loc,
                               llvm::StringRef action, Type type, Value value,
                               ValueRange extra, TypeRange results);

struct PrintOpLowering : OpConversionPattern<PrintOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PrintOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    if (isDeviceCode(op))
      return printOnDevice(op, adaptor, rewriter);
    for (auto [index, original, value] :
         llvm::enumerate(op.getValues(), adaptor.getValues())) {
      if (index != 0)
        printSeparator(rewriter, loc, op.getSep(), adaptor.getSep());
      printValue(rewriter, loc, original.getType(), value);
    }
    printSeparator(rewriter, loc, op.getEnd(), adaptor.getEnd());
    rewriter.eraseOp(op);
    return success();
  }

  /// On a GPU, one `printf` (CUDA's `vprintf`) of the whole line, so that
  /// lines of different threads do not mix. It prints integers and
  /// constant strings; anything else is reported.
  static LogicalResult printOnDevice(PrintOp op, OpAdaptor adaptor,
                                     ConversionPatternRewriter &rewriter) {
    Location loc = op.getLoc();
    std::string format;
    SmallVector<Value> args;
    auto unsupported = [&](Type type) {
      return op->emitError("printing ")
             << (isa<StrType>(type) ? "a string that is not a literal"
                                    : "a value of this type")
             << " on a GPU is not supported yet";
    };
    auto addText = [&](Value original) -> LogicalResult {
      auto constant = original.getDefiningOp<StringConstantOp>();
      if (!constant)
        return unsupported(original.getType());
      for (char c : constant.getValue())
        format += c == '%' ? std::string("%%") : std::string(1, c);
      return success();
    };
    for (auto [index, original, value] :
         llvm::enumerate(op.getValues(), adaptor.getValues())) {
      if (index != 0 && failed(addText(op.getSep())))
        return failure();
      Type type = original.getType();
      auto integer = dyn_cast<IntegerType>(type);
      if (isa<StrType>(type)) {
        if (failed(addText(original)))
          return failure();
      } else if (integer && !integer.isSignless()) {
        format += printsUnsigned(integer) ? "%llu" : "%lld";
        args.push_back(widenForPrintf(rewriter, loc, integer, value));
      } else {
        return unsupported(type);
      }
    }
    if (failed(addText(op.getEnd())))
      return failure();
    gpu::PrintfOp::create(rewriter, loc, rewriter.getStringAttr(format), args);
    rewriter.eraseOp(op);
    return success();
  }

  /// Prints `sep` or `end`, unless it is the constant "".
  static void printSeparator(OpBuilder &b, Location loc, Value original,
                             Value str) {
    auto constant = original.getDefiningOp<StringConstantOp>();
    if (constant && constant.getValue().empty())
      return;
    printStr(b, loc, str);
  }

  static void printStr(OpBuilder &b, Location loc, Value str) {
    Value ptr = LLVM::ExtractValueOp::create(b, loc, str,
                                             llvm::ArrayRef<int64_t>{0});
    Value len = LLVM::ExtractValueOp::create(b, loc, str,
                                             llvm::ArrayRef<int64_t>{1});
    callRuntime(b, loc, "ember_rt_print_str", {}, {ptr, len});
  }

  static void printValue(OpBuilder &b, Location loc, Type type, Value value) {
    if (isa<StrType>(type))
      return printStr(b, loc, value);
    callScalarRuntime(b, loc, "print", type, value, {}, {});
  }
};

/// Calls `ember_rt_<action>_<kind>` for a scalar `value` of Ember type
/// `type`, then `extra` arguments: integers go widened to 64 bits, Bool as
/// an i32 so that the C ABI is unambiguous.
func::CallOp callScalarRuntime(OpBuilder &b, Location loc,
                               llvm::StringRef action, Type type, Value value,
                               ValueRange extra, TypeRange results) {
  std::string kind;
  // Half floats are written as the `float32` they widen to, as in Mojo.
  if (type.isF16() || type.isBF16()) {
    type = b.getF32Type();
    value = arith::ExtFOp::create(b, loc, type, value);
  }
  if (type.isF64() || type.isF32()) {
    kind = type.isF64() ? "f64" : "f32";
  } else if (type.isInteger(1)) {
    kind = "bool";
    value = arith::ExtUIOp::create(b, loc, b.getI32Type(), value);
  } else {
    bool isUnsignedInt = type.isUnsignedInteger();
    kind = isUnsignedInt ? "u64" : "i64";
    Type i64 = b.getI64Type();
    if (type.getIntOrFloatBitWidth() < 64)
      value = isUnsignedInt ? Value(arith::ExtUIOp::create(b, loc, i64, value))
                            : Value(arith::ExtSIOp::create(b, loc, i64, value));
  }
  SmallVector<Value> args = {value};
  args.append(extra.begin(), extra.end());
  return callRuntime(b, loc, ("ember_rt_" + action + "_" + kind).str(),
                     results, args);
}

struct FormatOpLowering : OpConversionPattern<FormatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FormatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    func::CallOp call = callScalarRuntime(
        rewriter, op.getLoc(), "format", op.getValue().getType(),
        adaptor.getValue(), adaptor.getBuffer(), rewriter.getI64Type());
    rewriter.replaceOp(op, call.getResult(0));
    return success();
  }
};

struct CheckOpLowering : OpConversionPattern<CheckOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CheckOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    emitRuntimeCheck(rewriter, op.getLoc(), adaptor.getCondition(),
                     op.getMessage());
    rewriter.eraseOp(op);
    return success();
  }
};

struct RuntimeChecksOpLowering : OpConversionPattern<RuntimeChecksOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(RuntimeChecksOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, rewriter.getBoolAttr(areRuntimeChecksOn(op)));
    return success();
  }
};

struct ExitOpLowering : OpConversionPattern<ExitOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ExitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op.getLoc(), "ember_rt_exit", {}, adaptor.getCode());
    rewriter.eraseOp(op);
    return success();
  }
};

struct FailOpLowering : OpConversionPattern<FailOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FailOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (isDeviceCode(op)) {
      // A GPU thread prints the message and stops the kernel.
      Value length = LLVM::TruncOp::create(rewriter, op.getLoc(),
                                           rewriter.getI32Type(),
                                           adaptor.getLength());
      gpu::PrintfOp::create(rewriter, op.getLoc(),
                            rewriter.getStringAttr("%.*s\n"),
                            ValueRange{length, adaptor.getData()});
      LLVM::Trap::create(rewriter, op.getLoc());
    } else {
      callRuntime(rewriter, op.getLoc(), "ember_rt_fail", {},
                  {adaptor.getData(), adaptor.getLength()});
    }
    rewriter.eraseOp(op);
    return success();
  }
};

/// The host writes the message piece by piece to standard error; a GPU
/// thread prints it with one `printf` and stops the kernel.
struct FailFormatOpLowering : OpConversionPattern<FailFormatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FailFormatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    bool device = isDeviceCode(op);
    llvm::SmallVector<llvm::StringRef> texts;
    op.getFormat().split(texts, "{}");
    std::string format;
    SmallVector<Value> printed;
    auto addText = [&](llvm::StringRef text) {
      if (device) {
        for (char c : text)
          format += c == '%' ? std::string("%%") : std::string(1, c);
      } else if (!text.empty()) {
        writeStr(rewriter, loc, createStringValue(rewriter, loc, text));
      }
    };
    if (!device)
      callRuntime(rewriter, loc, "ember_rt_fail_begin", {}, {});
    for (auto [index, text] : llvm::enumerate(texts)) {
      addText(text);
      if (index == op.getValues().size())
        break;
      Value value = adaptor.getValues()[index];
      auto integer = dyn_cast<IntegerType>(op.getValues()[index].getType());
      if (!integer) { // A string.
        if (!device) {
          writeStr(rewriter, loc, value);
          continue;
        }
        format += "%.*s";
        Value length = LLVM::ExtractValueOp::create(rewriter, loc, value, 1);
        printed.push_back(LLVM::TruncOp::create(
            rewriter, loc, rewriter.getI32Type(), length));
        // `printf` takes the text's address as a 64-bit integer.
        printed.push_back(LLVM::PtrToIntOp::create(
            rewriter, loc, rewriter.getI64Type(),
            LLVM::ExtractValueOp::create(rewriter, loc, value, 0)));
        continue;
      }
      bool isUnsigned = printsUnsigned(integer);
      value = widenForPrintf(rewriter, loc, integer, value);
      if (device) {
        format += isUnsigned ? "%llu" : "%lld";
        printed.push_back(value);
        continue;
      }
      Value flag = arith::ConstantIntOp::create(rewriter, loc, isUnsigned, 64);
      callRuntime(rewriter, loc, "ember_rt_fail_int", {}, {value, flag});
    }
    if (device) {
      gpu::PrintfOp::create(rewriter, loc, rewriter.getStringAttr(format + "\n"),
                            printed);
      LLVM::Trap::create(rewriter, loc);
    } else {
      callRuntime(rewriter, loc, "ember_rt_fail_end", {}, {});
    }
    rewriter.eraseOp(op);
    return success();
  }

  static void writeStr(OpBuilder &b, Location loc, Value str) {
    Value ptr = LLVM::ExtractValueOp::create(b, loc, str, 0);
    Value len = LLVM::ExtractValueOp::create(b, loc, str, 1);
    callRuntime(b, loc, "ember_rt_fail_str", {}, {ptr, len});
  }
};

} // namespace

void ember::populateEmberRuntimePatterns(EmberTypeConverter &converter,
                                         RewritePatternSet &patterns) {
  patterns.add<LocalOpLowering, ReadOpLowering<LoadOp>, ReadOpLowering<MoveOp>,
               StoreOpLowering,
               StringConstantOpLowering, PrintOpLowering, FormatOpLowering,
               CheckOpLowering, RuntimeChecksOpLowering, FailOpLowering,
               FailFormatOpLowering,
               ExitOpLowering>(converter, patterns.getContext());
}
