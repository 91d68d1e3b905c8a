//===- EmberDialect.cpp - Ember dialect registration ----------------------===//

#include "ember/Dialect/Ember/IR/EmberDialect.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ember;

#include "ember/Dialect/Ember/IR/EmberOpsDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "ember/Dialect/Ember/IR/EmberOpsTypes.cpp.inc"

void EmberDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "ember/Dialect/Ember/IR/EmberOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "ember/Dialect/Ember/IR/EmberOpsTypes.cpp.inc"
      >();
}

Operation *EmberDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  if (auto str = dyn_cast<StringAttr>(value))
    return StringConstantOp::create(builder, loc, type, str);
  if (auto typed = dyn_cast<TypedAttr>(value))
    if (typed.getType() == type)
      return ConstantOp::create(builder, loc, type, typed);
  return nullptr;
}
