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

//===----------------------------------------------------------------------===//
// StructValueType
//===----------------------------------------------------------------------===//

/// `<"Name", type, type, ...>`
Type StructValueType::parse(AsmParser &parser) {
  std::string name;
  SmallVector<Type> fields;
  if (parser.parseLess() || parser.parseString(&name))
    return {};
  while (succeeded(parser.parseOptionalComma())) {
    Type field;
    if (parser.parseType(field))
      return {};
    fields.push_back(field);
  }
  if (parser.parseGreater())
    return {};
  return StructValueType::get(parser.getContext(), name, fields);
}

void StructValueType::print(AsmPrinter &printer) const {
  printer << "<\"";
  printer.getStream().write_escaped(getName());
  printer << "\"";
  for (Type field : getFields())
    printer << ", " << field;
  printer << ">";
}

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
