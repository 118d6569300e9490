// --rulesdir bench loads every .js/.ts file in bench/ as a rule: this must stay the only one (the floor is .mjs).
'use strict';
// A trivial textlint rule for the benchmark: reports each "TODO" in a text node.
// It exists so textlint has one rule to run (textlint refuses to run with none);
// what is measured is textlint's own cost: loading, parsing to its AST, traversal.
module.exports = function trivialRule(context) {
  const { Syntax, RuleError, report, getSource } = context;
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      const i = text.indexOf('TODO');
      if (i >= 0) report(node, new RuleError('TODO found', { index: i }));
    },
  };
};
