//===- RuntimeCalls.cpp - Calls into libember_rt from lowerings -----------===//

#include "RuntimeCalls.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

func::CallOp ember::callRuntime(OpBuilder &builder, Location loc,
                                StringRef name, TypeRange resultTypes,
                                ValueRange args) {
  auto module =
      builder.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  if (!module.lookupSymbol<func::FuncOp>(name)) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(module.getBody());
    auto decl = func::FuncOp::create(
        builder, loc, name,
        builder.getFunctionType(args.getTypes(), resultTypes));
    decl.setPrivate();
  }
  return func::CallOp::create(builder, loc, name, resultTypes, args);
}

Value ember::createStringValue(OpBuilder &builder, Location loc,
                               StringRef value) {
  auto module =
      builder.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  MLIRContext *context = builder.getContext();
  // One global per distinct string; the name is derived from the contents.
  std::string data = value.str() + '\0';
  std::string name =
      "str." + llvm::utohexstr(llvm::hash_value(value), /*LowerCase=*/true);
  auto global = module.lookupSymbol<LLVM::GlobalOp>(name);
  while (global && global.getValueAttr() != builder.getStringAttr(data)) {
    name += "_";
    global = module.lookupSymbol<LLVM::GlobalOp>(name);
  }
  if (!global) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(module.getBody());
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
  auto module = op->getParentOfType<ModuleOp>();
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
  Value str = createStringValue(rewriter, loc, text);
  Value ptr = LLVM::ExtractValueOp::create(rewriter, loc, str,
                                           llvm::ArrayRef<int64_t>{0});
  Value len = LLVM::ExtractValueOp::create(rewriter, loc, str,
                                           llvm::ArrayRef<int64_t>{1});
  callRuntime(rewriter, loc, "ember_rt_fail", {}, {ptr, len});
  LLVM::UnreachableOp::create(rewriter, loc);
  rewriter.setInsertionPointToEnd(before);
  cf::CondBranchOp::create(rewriter, loc, condition, after, failure);
  rewriter.setInsertionPointToStart(after);
}
