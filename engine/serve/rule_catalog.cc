// RuleCatalogJson: the rules' descriptive fields as one JSON object.
#include "serve/rule_catalog.h"

#include "output/json_text.h"

namespace listscan::serve {

std::string RuleCatalogJson(const ServingPack& pack) {
  std::string json = "{\"pack\":";
  AppendJsonString(&json, pack.version);
  json.append(",\"rules\":[");
  const std::vector<Rule>& rules = pack.pack->rules().rules;
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    json.append(i == 0 ? "{\"id\":" : ",{\"id\":");
    AppendJsonString(&json, rule.id);
    json.append(",\"title\":");
    AppendJsonString(&json, rule.title);
    json.append(",\"category\":");
    AppendJsonString(&json, CategoryName(rule.category));
    json.append(",\"severity\":");
    AppendJsonString(&json, SeverityName(rule.severity));
    json.append(",\"legal_basis\":");
    AppendJsonString(&json, rule.legal_basis);
    json.push_back('}');
  }
  json.append("]}\n");
  return json;
}

}  // namespace listscan::serve
