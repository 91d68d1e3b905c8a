//===- IRGenLifecycle.cpp - Ownership of values with a lifecycle ----------===//
//
// A value whose destruction, copy or move runs code (a struct that defines
// one, or has a field that does) lives in storage: a `read` argument of its
// type is a reference, and a temporary that is borrowed gets a slot of its
// own. IRGen makes every copy and move explicit (a call of the copy or move
// initializer, or plain bits where the struct has none) and marks the slots
// that own such a value with their destructor; `ember-insert-destructors`
// then destroys each value after its last use.
//
// Where a struct has no lifecycle method of its own, the one its fields
// need is synthesized here, field by field.
//
//===----------------------------------------------------------------------===//

#include "IRGenImpl.h"

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;

/// The struct declaration of `type` if its values have a lifecycle.
static const StructDecl *getLifecycleDecl(const Type *type) {
  auto *structType = llvm::dyn_cast_or_null<StructType>(type);
  if (!structType || structType->getDecl().isTrivial())
    return nullptr;
  return &structType->getDecl();
}

bool IRGen::isTrivial(const Type *type) { return !getLifecycleDecl(type); }

bool IRGen::isPassedByReference(const Param &param) {
  return param.convention == ArgConvention::Mut ||
         param.convention == ArgConvention::Ref || param.isResultOrigin ||
         (param.convention == ArgConvention::Read && !isTrivial(param.type));
}

/// The functions that destroy, copy and move values of `decl`: its own
/// methods, or ones synthesized from its fields'.
void IRGen::declareLifecycle(const StructDecl &decl) {
  if (decl.isTrivial())
    return;
  Lifecycle &lifecycle = lifecycles[&decl];
  lifecycleDecls.push_back(&decl);
  mlir::Type type = convertType(decl.type.get());
  mlir::Type ref = RefType::get(&context, type);
  auto synthesize = [&](llvm::StringRef name, mlir::FunctionType fnType) {
    auto fn = mlir::func::FuncOp::create(
        builder, loc(decl.nameRange.Start),
        getUniqueSymbol(
            getDeclSymbol(decl.unit, decl.isLibrary, decl.name + "." + name.str())),
        fnType);
    fn.setPrivate();
    return fn;
  };
  if (decl.destructor)
    lifecycle.destroy = functions[decl.destructor];
  else if (decl.hasDestructor())
    lifecycle.destroy =
        synthesize("__deinit__", builder.getFunctionType({type}, {}));
  if (decl.copyInit)
    lifecycle.copy = functions[decl.copyInit];
  else if (decl.hasCustomCopy())
    lifecycle.copy = synthesize("__copy__", builder.getFunctionType({ref}, {type}));
  if (decl.moveInit)
    lifecycle.move = functions[decl.moveInit];
  else if (decl.hasCustomMove())
    lifecycle.move = synthesize("__move__", builder.getFunctionType({type}, {type}));
}

mlir::FlatSymbolRefAttr IRGen::getDestructor(const Type *type) {
  const StructDecl *decl = getLifecycleDecl(type);
  if (!decl || !lifecycles[decl].destroy)
    return nullptr;
  return mlir::FlatSymbolRefAttr::get(lifecycles[decl].destroy.getSymNameAttr());
}

/// Marks the slot `local` is as the owner of its value: the whole value is
/// destroyed, or for a `deinit` argument each field.
void IRGen::markOwner(mlir::Value slot, const Type *type, bool isDeinit) {
  const StructDecl *decl = getLifecycleDecl(type);
  if (!decl)
    return;
  mlir::Operation *local = slot.getDefiningOp();
  if (!isDeinit) {
    if (mlir::FlatSymbolRefAttr destructor = getDestructor(type))
      local->setAttr("destructor", destructor);
    return;
  }
  llvm::SmallVector<mlir::Attribute> fields;
  for (const FieldDecl &field : decl->fields) {
    mlir::FlatSymbolRefAttr destructor = getDestructor(field.type);
    fields.push_back(destructor ? mlir::Attribute(destructor)
                                : mlir::UnitAttr::get(&context));
  }
  local->setAttr("field_destructors", builder.getArrayAttr(fields));
}

/// A copy of the value `ref` holds.
mlir::Value IRGen::emitCopy(mlir::Value ref, const Type *type,
                            mlir::Location l) {
  const StructDecl *decl = getLifecycleDecl(type);
  if (!decl || !lifecycles[decl].copy)
    return LoadOp::create(builder, l, ref);
  return mlir::func::CallOp::create(builder, l, lifecycles[decl].copy, ref)
      .getResult(0);
}

/// Moves the value out of `ref`, which holds none afterwards.
mlir::Value IRGen::emitMove(mlir::Value ref, const Type *type,
                            mlir::Location l) {
  mlir::Value bits = MoveOp::create(builder, l, ref);
  const StructDecl *decl = getLifecycleDecl(type);
  if (!decl || !lifecycles[decl].move)
    return bits;
  return mlir::func::CallOp::create(builder, l, lifecycles[decl].move, bits)
      .getResult(0);
}

/// A slot for a temporary that must live in storage, destroyed after its
/// last use.
mlir::Value IRGen::emitTemporary(mlir::Value value, const Type *type,
                                 mlir::Location l) {
  mlir::Value slot = createSlot(value.getType(), "tmp", l);
  markOwner(slot, type, /*isDeinit=*/false);
  store(value, slot, type, l);
  return slot;
}

/// `e` as a value the consumer owns: storage is copied, a transfer moves.
mlir::Value IRGen::emitOwned(const Expr *e) {
  mlir::Location l = loc(e->getLoc());
  if (auto *transfer = dyn_cast<TransferExpr>(e))
    return emitMove(emitLValue(transfer->operand.get()), e->type, l);
  if (Sema::isCopiedWhenOwned(*e))
    return emitCopy(emitBorrow(e), e->type, l);
  return emitValue(e);
}

/// The storage of `e`, to be read in place: a variable or field, or a
/// temporary's slot.
mlir::Value IRGen::emitBorrow(const Expr *e) {
  if (Sema::isLValue(e))
    return emitLValue(e);
  mlir::Location l = loc(e->getLoc());
  if (auto *attr = dyn_cast<AttributeExpr>(e); attr && attr->fieldIndex >= 0)
    return FieldRefOp::create(builder, loc(attr->nameRange.Start),
                              RefType::get(&context, convertType(e->type)),
                              emitBorrow(attr->base.get()), attr->fieldIndex);
  return emitTemporary(emitOwned(e), e->type, l);
}

/// Stores the owned `value` of type `type`.
void IRGen::store(mlir::Value value, mlir::Value ref, const Type *type,
                  mlir::Location l) {
  auto op = StoreOp::create(builder, l, value, ref);
  if (mlir::FlatSymbolRefAttr destructor = getDestructor(type))
    op.setDestructorAttr(destructor);
}

/// A value nobody takes is destroyed at once; one in storage is only used.
void IRGen::emitDiscarded(const Expr *e) {
  if (isTrivial(e->type)) {
    emitExpr(e);
    return;
  }
  mlir::Location l = loc(e->getLoc());
  if (Sema::isLValue(e)) {
    // `_ = x` ends nothing: it is a use that keeps `x` alive until here.
    LoadOp::create(builder, l, emitLValue(e));
    return;
  }
  emitTemporary(emitOwned(e), e->type, l);
}

//===----------------------------------------------------------------------===//
// Synthesized lifecycle functions
//===----------------------------------------------------------------------===//

/// Starts the body of a synthesized function.
void IRGen::beginSynthesized(mlir::func::FuncOp fn) {
  currentFn = fn;
  locals.clear();
  outSelf = nullptr;
  builder.setInsertionPointToStart(fn.addEntryBlock());
}

/// A slot of a struct, naming its fields for the initialization checks.
mlir::Value IRGen::createStructSlot(const StructDecl &decl,
                                    llvm::StringRef name, mlir::Location l) {
  mlir::Value slot = createSlot(convertType(decl.type.get()), name, l);
  llvm::SmallVector<mlir::Attribute> names;
  for (const FieldDecl &field : decl.fields)
    names.push_back(builder.getStringAttr(field.name));
  slot.getDefiningOp()->setAttr("ember.fields", builder.getArrayAttr(names));
  return slot;
}

mlir::Value IRGen::getFieldRef(mlir::Value base, const StructDecl &decl,
                               unsigned index, mlir::Location l) {
  mlir::Type field = convertType(decl.fields[index].type);
  return FieldRefOp::create(builder, l, RefType::get(&context, field), base,
                            index);
}

/// Destroying a value destroys each field: storing it into a `deinit`
/// slot leaves that to `ember-insert-destructors`.
void IRGen::emitSynthesizedDestroy(const StructDecl &decl) {
  mlir::func::FuncOp fn = lifecycles[&decl].destroy;
  mlir::Location l = fn.getLoc();
  beginSynthesized(fn);
  mlir::Value self = createStructSlot(decl, "self", l);
  markOwner(self, decl.type.get(), /*isDeinit=*/true);
  StoreOp::create(builder, l, fn.getArgument(0), self);
  mlir::func::ReturnOp::create(builder, l);
}

/// A copy copies each field.
void IRGen::emitSynthesizedCopy(const StructDecl &decl) {
  mlir::func::FuncOp fn = lifecycles[&decl].copy;
  mlir::Location l = fn.getLoc();
  beginSynthesized(fn);
  mlir::Value self = createStructSlot(decl, "self", l);
  for (unsigned i = 0; i < decl.fields.size(); ++i) {
    const Type *type = decl.fields[i].type;
    mlir::Value copy =
        emitCopy(getFieldRef(fn.getArgument(0), decl, i, l), type, l);
    store(copy, getFieldRef(self, decl, i, l), type, l);
  }
  mlir::func::ReturnOp::create(builder, l,
                               mlir::ValueRange{LoadOp::create(builder, l, self)});
}

/// A move moves each field out of the old value, which is then empty.
void IRGen::emitSynthesizedMove(const StructDecl &decl) {
  mlir::func::FuncOp fn = lifecycles[&decl].move;
  mlir::Location l = fn.getLoc();
  beginSynthesized(fn);
  mlir::Value take = createStructSlot(decl, "take", l);
  StoreOp::create(builder, l, fn.getArgument(0), take);
  mlir::Value self = createStructSlot(decl, "self", l);
  for (unsigned i = 0; i < decl.fields.size(); ++i) {
    const Type *type = decl.fields[i].type;
    mlir::Value moved = emitMove(getFieldRef(take, decl, i, l), type, l);
    store(moved, getFieldRef(self, decl, i, l), type, l);
  }
  mlir::func::ReturnOp::create(builder, l,
                               mlir::ValueRange{LoadOp::create(builder, l, self)});
}

void IRGen::emitSynthesizedLifecycles() {
  for (const StructDecl *decl : lifecycleDecls) {
    const Lifecycle &lifecycle = lifecycles[decl];
    if (lifecycle.destroy && !decl->destructor)
      emitSynthesizedDestroy(*decl);
    if (lifecycle.copy && !decl->copyInit)
      emitSynthesizedCopy(*decl);
    if (lifecycle.move && !decl->moveInit)
      emitSynthesizedMove(*decl);
    builder.setInsertionPointToEnd(moduleOp.getBody());
  }
}
