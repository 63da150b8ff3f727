// Look-alike letters from other scripts and their Latin prototypes, a subset of Unicode's
// confusables data (UTS #39) for the letters sellers use to dodge filters: lower case only,
// because text is case-folded before this table is consulted.
#include <algorithm>
#include <array>
#include <utility>

#include "normalize/code_point_fold.h"

namespace listscan {
namespace {

constexpr std::pair<uint32_t, char> kConfusables[] = {
    {0x0131, 'i'},  // ı dotless i
    {0x0251, 'a'},  // ɑ latin alpha
    {0x0261, 'g'},  // ɡ script g
    {0x0269, 'i'},  // ɩ latin iota
    {0x028F, 'y'},  // ʏ
    {0x03B1, 'a'},  // α
    {0x03B2, 'b'},  // β
    {0x03B3, 'y'},  // γ
    {0x03B5, 'e'},  // ε
    {0x03B7, 'n'},  // η
    {0x03B9, 'i'},  // ι
    {0x03BA, 'k'},  // κ
    {0x03BD, 'v'},  // ν
    {0x03BF, 'o'},  // ο
    {0x03C1, 'p'},  // ρ
    {0x03C2, 'c'},  // ς final sigma
    {0x03C4, 't'},  // τ
    {0x03C5, 'u'},  // υ
    {0x03C7, 'x'},  // χ
    {0x03C9, 'w'},  // ω
    {0x0430, 'a'},  // а
    {0x0432, 'b'},  // в
    {0x0435, 'e'},  // е
    {0x043A, 'k'},  // к
    {0x043C, 'm'},  // м
    {0x043D, 'h'},  // н
    {0x043E, 'o'},  // о
    {0x0440, 'p'},  // р
    {0x0441, 'c'},  // с
    {0x0442, 't'},  // т
    {0x0443, 'y'},  // у
    {0x0445, 'x'},  // х
    {0x044C, 'b'},  // ь
    {0x0455, 's'},  // ѕ
    {0x0456, 'i'},  // і
    {0x0458, 'j'},  // ј
    {0x045B, 'h'},  // ћ
    {0x0461, 'w'},  // ѡ
    {0x0475, 'v'},  // ѵ
    {0x04AF, 'y'},  // ү
    {0x04BB, 'h'},  // һ
    {0x04CF, 'l'},  // ӏ palochka
    {0x04E9, 'o'},  // ө
    {0x0501, 'd'},  // ԁ
    {0x051B, 'q'},  // ԛ
    {0x051D, 'w'},  // ԝ
    {0x0561, 'w'},  // ա Armenian
    {0x0563, 'q'},  // գ
    {0x0566, 'q'},  // զ
    {0x0570, 'h'},  // հ
    {0x0578, 'n'},  // ո
    {0x057C, 'n'},  // ռ
    {0x057D, 'u'},  // ս
    {0x0581, 'g'},  // ց
    {0x0585, 'o'},  // օ
    {0x13A0, 'd'},  // Ꭰ Cherokee (no case folding to Latin)
    {0x13A1, 'r'},  // Ꭱ
    {0x13A2, 't'},  // Ꭲ
    {0x13A5, 'i'},  // Ꭵ
    {0x13AA, 'g'},  // Ꭺ
    {0x13AB, 'j'},  // Ꭻ
    {0x13AC, 'e'},  // Ꭼ
    {0x13B3, 'w'},  // Ꮃ
    {0x13B7, 'm'},  // Ꮇ
    {0x13BB, 'h'},  // Ꮋ
    {0x13BD, 'y'},  // Ꮍ
    {0x13C0, 'g'},  // Ꮐ
    {0x13C2, 'h'},  // Ꮒ
    {0x13C3, 'z'},  // Ꮓ
    {0x13CF, 'b'},  // Ꮟ
    {0x13D2, 'r'},  // Ꮢ
    {0x13DA, 's'},  // Ꮪ
    {0x13DE, 'l'},  // Ꮮ
    {0x13DF, 'c'},  // Ꮯ
    {0x13E2, 'p'},  // Ꮲ
    {0x13E6, 'k'},  // Ꮶ
    {0x1D00, 'a'},  // ᴀ small capitals
    {0x1D04, 'c'},  // ᴄ
    {0x1D05, 'd'},  // ᴅ
    {0x1D07, 'e'},  // ᴇ
    {0x1D0A, 'j'},  // ᴊ
    {0x1D0B, 'k'},  // ᴋ
    {0x1D0D, 'm'},  // ᴍ
    {0x1D0F, 'o'},  // ᴏ
    {0x1D18, 'p'},  // ᴘ
    {0x1D1B, 't'},  // ᴛ
    {0x1D1C, 'u'},  // ᴜ
    {0x1D20, 'v'},  // ᴠ
    {0x1D21, 'w'},  // ᴡ
    {0x1D22, 'z'},  // ᴢ
    {0x0280, 'r'},  // ʀ
    {0x0262, 'g'},  // ɢ
    {0x029C, 'h'},  // ʜ
    {0x026A, 'i'},  // ɪ
    {0x029F, 'l'},  // ʟ
    {0x0274, 'n'},  // ɴ
    {0xA731, 's'},  // ꜱ
};

}  // namespace

char ConfusableAsciiLetter(uint32_t code_point) {
  static const auto sorted = [] {
    std::array<std::pair<uint32_t, char>, std::size(kConfusables)> table{};
    std::copy(std::begin(kConfusables), std::end(kConfusables), table.begin());
    std::sort(table.begin(), table.end());
    return table;
  }();
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), std::pair<uint32_t, char>{code_point, 0});
  return it != sorted.end() && it->first == code_point ? it->second : 0;
}

}  // namespace listscan
