//===- IRGenImpl.h - State of the AST to ember dialect emitter --*- C++ -*-===//

#ifndef EMBER_LIB_IRGEN_IRGENIMPL_H
#define EMBER_LIB_IRGEN_IRGENIMPL_H

#include "ember/IRGen/IRGen.h"

#include "ember/Dialect/Ember/IR/EmberOps.h"
#include "ember/Sema/Types.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace ember {

class IRGen {
public:
  IRGen(const Module &module, mlir::MLIRContext &context,
        llvm::SourceMgr &sourceMgr);

  mlir::OwningOpRef<mlir::ModuleOp> emit();

private:
  //===--- Functions and statements (IRGen.cpp) ---------------------------===//
  mlir::Location loc(llvm::SMLoc l);
  mlir::Type convertType(const Type *type);
  void declareFunction(const FnDecl &fn);
  std::string getUniqueSymbol(const FnDecl &fn);
  std::string getUniqueSymbol(std::string base);
  void removeUnusedLibraryFunctions();
  std::vector<const StructDecl *> getEmittedStructs();
  std::vector<const FnDecl *> getEmittedFunctions();
  void emitFunction(const FnDecl &fn);
  void emitReturn(mlir::Value value, mlir::Location l);
  void emitEntryPoint();
  mlir::Value createSlot(mlir::Type type, llvm::StringRef name,
                         mlir::Location l);
  mlir::Value getLocal(const LocalVar *local);
  mlir::Value createLocalSlot(const LocalVar *local, bool owner);
  mlir::Block *newBlock();
  void enterBlock(mlir::Block *block);
  bool isTerminated();
  void branchTo(mlir::Block *dest, mlir::Location l);
  void emitBlock(const Block &block);
  void emitStmt(const Stmt *stmt);
  void emitIf(const IfStmt &s);
  void emitWhile(const WhileStmt &s);
  void emitFor(const ForStmt &s);
  void emitUnrolledFor(const ForStmt &s);
  void emitContainerFor(const ForStmt &s);
  void emitIncrement(mlir::Value counter, mlir::Value step, mlir::Location l);
  void emitLoopExit(const Block &elseBody, mlir::Block *elseBlock,
                    mlir::Block *exit, mlir::Location l);
  void emitAssign(const AssignStmt &s);
  void store(const Expr *target, mlir::Value value);
  mlir::Value emitLValue(const Expr *e);

  //===--- Ownership (IRGenLifecycle.cpp) ---------------------------------===//
  static bool isTrivial(const Type *type);
  static bool isPassedByReference(const Param &param);
  void declareLifecycle(const StructDecl &decl);
  mlir::FlatSymbolRefAttr getDestructor(const Type *type);
  void markOwner(mlir::Value slot, const Type *type, bool isDeinit);
  mlir::Value emitCopy(mlir::Value ref, const Type *type, mlir::Location l);
  mlir::Value emitMove(mlir::Value ref, const Type *type, mlir::Location l);
  mlir::Value emitTemporary(mlir::Value value, const Type *type,
                            mlir::Location l);
  mlir::Value emitOwned(const Expr *e);
  mlir::Value emitBorrow(const Expr *e);
  void store(mlir::Value value, mlir::Value ref, const Type *type,
             mlir::Location l);
  void emitDiscarded(const Expr *e);
  void beginSynthesized(mlir::func::FuncOp fn);
  mlir::Value createStructSlot(const StructDecl &decl, llvm::StringRef name,
                               mlir::Location l);
  mlir::Value getFieldRef(mlir::Value base, const StructDecl &decl,
                          unsigned index, mlir::Location l);
  void emitSynthesizedDestroy(const StructDecl &decl);
  void emitSynthesizedCopy(const StructDecl &decl);
  void emitSynthesizedMove(const StructDecl &decl);
  void emitSynthesizedLifecycles();

  //===--- Expressions (IRGenExpr.cpp) ------------------------------------===//
  mlir::Value emitExpr(const Expr *e);
  mlir::Value emitValue(const Expr *e);
  mlir::Value emitConstant(const Expr *e, mlir::Type type);
  mlir::Value emitZero(mlir::Type type, mlir::Location l);
  mlir::Value emitUnary(const UnaryExpr &e);
  mlir::Value emitBinary(const BinaryExpr &e);
  mlir::Value emitBoolOp(const BoolOpExpr &e);
  mlir::Value emitCompare(const CompareExpr &e);
  mlir::Value emitConditional(const ConditionalExpr &e);
  mlir::Value emitCall(const CallExpr &e, mlir::Value self = nullptr);
  mlir::Value emitList(const ListExpr &e);
  mlir::Value emitVariadicList(const Param &param,
                               llvm::ArrayRef<Expr *> values,
                               mlir::Location l);
  mlir::Value emitAttribute(const AttributeExpr &e);
  mlir::Value emitBuiltinCall(const CallExpr &e);
  void emitPrintOfWritables(const CallExpr &e, mlir::Value sep,
                            mlir::Value end);
  mlir::Value emitPointeeAccess(const CallExpr &e,
                                llvm::ArrayRef<mlir::Value> args);
  mlir::Value emitRound(llvm::ArrayRef<mlir::Value> args, mlir::Location l);
  mlir::Value emitCast(mlir::Value value, mlir::Type to, mlir::Location l);
  mlir::Value emitSelectBy(CmpPredicate pred, mlir::Value a, mlir::Value b,
                           mlir::Location l);

  const Module &module;
  mlir::MLIRContext &context;
  llvm::SourceMgr &sourceMgr;
  mlir::OpBuilder builder;
  mlir::ModuleOp moduleOp;
  mlir::StringAttr fileName;

  llvm::DenseMap<const FnDecl *, mlir::func::FuncOp> functions;
  /// The functions that destroy, copy and move a struct's values, where it
  /// has them.
  struct Lifecycle {
    mlir::func::FuncOp destroy, copy, move;
  };
  llvm::DenseMap<const StructDecl *, Lifecycle> lifecycles;
  std::vector<const StructDecl *> lifecycleDecls;
  llvm::StringSet<> usedSymbols;
  mlir::func::FuncOp currentFn;
  /// The slot of `out self` in an `__init__`, which is what it returns.
  mlir::Value outSelf;
  llvm::DenseMap<const LocalVar *, mlir::Value> locals;
  struct LoopTargets {
    mlir::Block *breakDest, *continueDest;
  };
  llvm::SmallVector<LoopTargets> loops;
};

} // namespace ember

#endif
