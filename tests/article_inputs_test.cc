// ExpandArticleInputs and ReadArticlePairs (collection.h): the inputs of
// many-article mode.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "crossalign/collection.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeTempDir;
using testing::WriteFile;

TEST(ArticleInputsTest, FoldersListsAndDuplicates) {
  const std::string dir = MakeTempDir();
  ::mkdir((dir + "/story").c_str(), 0777);
  ::mkdir((dir + "/story/sub").c_str(), 0777);
  ::mkdir((dir + "/story/.git").c_str(), 0777);
  ::mkdir((dir + "/empty").c_str(), 0777);
  WriteFile(dir + "/story/b.txt", "b");
  WriteFile(dir + "/story/a.html", "a");
  WriteFile(dir + "/story/notes.md", "not an article");
  WriteFile(dir + "/story/sub/c.htm", "c");
  WriteFile(dir + "/story/.git/d.txt", "hidden");
  WriteFile(dir + "/x.txt", "x");
  WriteFile(dir + "/list", "# articles\r\n" + dir + "/x.txt\r\n" + dir +
                               "/story/../story/b.txt\n");
  const ArticleFiles got =
      ExpandArticleInputs({dir + "/story", "@" + dir + "/list",
                           "@" + dir + "/none", dir + "/empty"},
                          {dir + "/x.txt", dir + "/y.txt"});
  EXPECT_EQ(got.files,
            (std::vector<std::string>{
                dir + "/story/a.html", dir + "/story/b.txt",
                dir + "/story/sub/c.htm", dir + "/x.txt", dir + "/y.txt"}));
  ASSERT_EQ(got.skipped.size(), 2u);
  EXPECT_EQ(got.skipped[0], dir + "/none: cannot read the list file; skipped");
  EXPECT_NE(got.skipped[1].find(dir + "/empty: no .txt files"),
            std::string::npos);
  // b.txt named again by another path: kept once, with a note.
  EXPECT_EQ(got.notes, std::vector<std::string>{
                           dir + "/story/../story/b.txt: named more than "
                                 "once; aligned once"});
  EXPECT_EQ(got.index_of_also, (std::vector<size_t>{3, 4}));
}

TEST(ArticleInputsTest, PairsFile) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/p", "# pairs\na.txt\tb.txt\r\n\nc.txt\td.txt\n");
  auto pairs = ReadArticlePairs(dir + "/p");
  ASSERT_TRUE(pairs.ok()) << pairs.status();
  EXPECT_EQ(*pairs, (std::vector<std::pair<std::string, std::string>>{
                        {"a.txt", "b.txt"}, {"c.txt", "d.txt"}}));
  WriteFile(dir + "/bad", "a.txt\tb.txt\nc.txt\n");
  EXPECT_EQ(ReadArticlePairs(dir + "/bad").status().message(),
            dir + "/bad:2: expected 'src<TAB>tgt'");
  WriteFile(dir + "/none", "# nothing\n");
  EXPECT_EQ(ReadArticlePairs(dir + "/none").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadArticlePairs(dir + "/missing").status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace crossalign
