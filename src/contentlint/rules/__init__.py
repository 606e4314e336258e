"""The rules: one module per rule or small family. The engine imports every module here
(contentlint.engine.rule_set), so adding a rule is adding a module; nothing lists them."""
