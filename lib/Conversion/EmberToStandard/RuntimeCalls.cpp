//===- RuntimeCalls.cpp - Calls into libember_rt from lowerings -----------===//

#include "RuntimeCalls.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

bool ember::isDeviceCode(Operation *op) {
  return isa<gpu::GPUModuleOp>(op) ||
         op->getParentOfType<gpu::GPUModuleOp>() != nullptr;
}

Operation *ember::getSymbolScope(Operation *op) {
  return SymbolTable::getNearestSymbolTable(
      isa<ModuleOp, gpu::GPUModuleOp>(op) ? op : op->getParentOp());
}

/// The block of the module (a `gpu.module` in GPU code) that declares the
/// symbols code at the builder's insertion point uses.
static Block *getSymbolBlock(OpBuilder &builder) {
  return &ember::getSymbolScope(builder.getInsertionBlock()->getParentOp())
              ->getRegion(0)
              .front();
}

func::CallOp ember::callRuntime(OpBuilder &builder, Location loc,
                                StringRef name, TypeRange resultTypes,
                                ValueRange args) {
  Block *symbols = getSymbolBlock(builder);
  if (!SymbolTable::lookupSymbolIn(symbols->getParentOp(), name)) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(symbols);
    auto decl = func::FuncOp::create(
        builder, loc, name,
        builder.getFunctionType(args.getTypes(), resultTypes));
    decl.setPrivate();
  }
  return func::CallOp::create(builder, loc, name, resultTypes, args);
}

Value ember::createStringValue(OpBuilder &builder, Location loc,
                               StringRef value) {
  Block *symbols = getSymbolBlock(builder);
  auto lookup = [&](StringRef name) {
    return dyn_cast_or_null<LLVM::GlobalOp>(
        SymbolTable::lookupSymbolIn(symbols->getParentOp(), name));
  };
  MLIRContext *context = builder.getContext();
  // One global per distinct string; the name is derived from the contents.
  std::string data = value.str() + '\0';
  std::string name =
      "str." + llvm::utohexstr(llvm::hash_value(value), /*LowerCase=*/true);
  auto global = lookup(name);
  while (global && global.getValueAttr() != builder.getStringAttr(data)) {
    name += "_";
    global = lookup(name);
  }
  if (!global) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(symbols);
    auto arrayType =
        LLVM::LLVMArrayType::get(IntegerType::get(context, 8), data.size());
    global = LLVM::GlobalOp::create(builder, loc, arrayType,
                                    /*isConstant=*/true,
                                    LLVM::Linkage::Private, name,
                                    builder.getStringAttr(data));
  }
  auto ptrType = LLVM::LLVMPointerType::get(context);
  auto i64 = builder.getI64Type();
  auto structType = LLVM::LLVMStructType::getLiteral(context, {ptrType, i64});
  Value address = LLVM::AddressOfOp::create(builder, loc, global);
  Value length = LLVM::ConstantOp::create(builder, loc, i64,
                                          static_cast<int64_t>(value.size()));
  Value result = LLVM::UndefOp::create(builder, loc, structType);
  result = LLVM::InsertValueOp::create(builder, loc, result, address,
                                       llvm::ArrayRef<int64_t>{0});
  return LLVM::InsertValueOp::create(builder, loc, result, length,
                                     llvm::ArrayRef<int64_t>{1});
}

bool ember::areRuntimeChecksOn(Operation *op) {
  auto module = isa<ModuleOp>(op) ? cast<ModuleOp>(op)
                                  : op->getParentOfType<ModuleOp>();
  auto on = module ? module->getAttrOfType<BoolAttr>("ember.runtime_checks")
                   : BoolAttr();
  return !on || on.getValue();
}

void ember::emitRuntimeCheck(RewriterBase &rewriter, Location loc,
                             Value condition, StringRef message) {
  if (!areRuntimeChecksOn(rewriter.getInsertionBlock()->getParentOp()))
    return;
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    os << fileLoc.getFilename().getValue() << ":" << fileLoc.getLine() << ":"
       << fileLoc.getColumn() << ": ";
  os << "error: " << message;

  Block *before = rewriter.getInsertionBlock();
  Block *after = rewriter.splitBlock(before, rewriter.getInsertionPoint());
  Block *failure = rewriter.createBlock(after);
  if (isDeviceCode(before->getParentOp())) {
    // A GPU thread prints the message and stops the kernel.
    std::string format;
    for (char c : text)
      format += c == '%' ? std::string("%%") : std::string(1, c);
    gpu::PrintfOp::create(rewriter, loc, rewriter.getStringAttr(format + "\n"),
                          ValueRange{});
    LLVM::Trap::create(rewriter, loc);
  } else {
    Value str = createStringValue(rewriter, loc, text);
    Value ptr = LLVM::ExtractValueOp::create(rewriter, loc, str,
                                             llvm::ArrayRef<int64_t>{0});
    Value len = LLVM::ExtractValueOp::create(rewriter, loc, str,
                                             llvm::ArrayRef<int64_t>{1});
    callRuntime(rewriter, loc, "ember_rt_fail", {}, {ptr, len});
  }
  LLVM::UnreachableOp::create(rewriter, loc);
  rewriter.setInsertionPointToEnd(before);
  cf::CondBranchOp::create(rewriter, loc, condition, after, failure);
  rewriter.setInsertionPointToStart(after);
}
