// Peer: one PCRE2 alternation of the literals, caseless, JIT-compiled, matched against each line.
// Usage: pcre2_scan [--trie] KEYWORDS CORPUS.jsonl
//   default: the flat alternation (?:k1|k2|...), as most callers write it;
//   --trie: the same language factored into a prefix trie, (?:a(?:b|c)|...), which PCRE2's
//   backtracking matcher needs to stay fast with thousands of keywords.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cctype>
#include <map>

#include "peer_common.h"

namespace {

// Backslash-escapes every ASCII punctuation character; letters, digits and UTF-8 bytes pass.
void AppendEscaped(const std::string& literal, std::string* pattern) {
  for (char c : literal) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && !std::isalnum(byte) && c != ' ') pattern->push_back('\\');
    pattern->push_back(c);
  }
}

// A prefix trie of the lower-cased keywords. Only "does the line match" is asked, so a keyword
// that extends another is dropped: the shorter one already matches wherever it would.
struct TrieNode {
  std::map<char, TrieNode> children;
  bool end = false;
};

void AppendTrie(const TrieNode& node, std::string* pattern) {
  if (node.end || node.children.empty()) return;
  const bool group = node.children.size() > 1;
  if (group) pattern->append("(?:");
  bool first = true;
  for (const auto& [c, child] : node.children) {
    if (!first) pattern->push_back('|');
    first = false;
    AppendEscaped(std::string(1, c), pattern);
    AppendTrie(child, pattern);
  }
  if (group) pattern->push_back(')');
}

std::string TriePattern(const std::vector<std::string>& keywords) {
  TrieNode root;
  for (const std::string& keyword : keywords) {
    TrieNode* node = &root;
    for (char c : keyword)
      node = &node->children[static_cast<char>(std::tolower(static_cast<unsigned char>(c)))];
    node->end = true;
  }
  std::string pattern;
  AppendTrie(root, &pattern);
  return pattern;
}

std::string FlatPattern(const std::vector<std::string>& keywords) {
  std::string pattern = "(?:";
  bool first = true;
  for (const std::string& keyword : keywords) {
    if (!first) pattern.push_back('|');
    first = false;
    AppendEscaped(keyword, &pattern);
  }
  pattern.push_back(')');
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace listscan::bench;
  const bool trie = argc == 4 && std::string_view(argv[1]) == "--trie";
  if (argc != 3 && !trie) Die("usage: pcre2_scan [--trie] KEYWORDS CORPUS");
  const Stopwatch compile_clock;
  const std::vector<std::string> keywords = ReadKeywords(argv[argc - 2]);
  const std::string pattern = trie ? TriePattern(keywords) : FlatPattern(keywords);
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   PCRE2_CASELESS, &error_code, &error_offset, nullptr);
  if (code == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error_code, message, sizeof message);
    Die(std::string("pcre2: ") + reinterpret_cast<const char*>(message));
  }
  if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0) Die("pcre2: JIT compilation failed");
  pcre2_match_data* match_data = pcre2_match_data_create_from_pattern(code, nullptr);
  pcre2_jit_stack* stack = pcre2_jit_stack_create(32 << 10, 8 << 20, nullptr);
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_jit_stack_assign(context, nullptr, stack);
  const double compile_seconds = compile_clock.Seconds();

  const Stopwatch scan_clock;
  ChunkReader reader(argv[argc - 1]);
  uint64_t matched = 0;
  uint64_t failures = 0;
  const uint64_t lines = reader.ForEachLine([&](std::string_view line, const char*) {
    const int result = pcre2_jit_match(code, reinterpret_cast<PCRE2_SPTR>(line.data()), line.size(),
                                       0, 0, match_data, context);
    if (result > 0) {
      ++matched;
    } else if (result != PCRE2_ERROR_NOMATCH) {
      ++failures;
    }
  });
  Report(trie ? "pcre2_scan(trie)" : "pcre2_scan", matched, lines, reader.bytes_read(),
         compile_seconds, scan_clock.Seconds());
  pcre2_match_context_free(context);
  pcre2_jit_stack_free(stack);
  pcre2_match_data_free(match_data);
  pcre2_code_free(code);
  if (failures > 0) Die("pcre2: " + std::to_string(failures) + " lines failed to match");
  return 0;
}
