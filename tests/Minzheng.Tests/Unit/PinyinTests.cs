using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Tests.Unit;

/// <summary>Place-name romanisation (中国地名汉语拼音字母拼写规则) over the shipped pinyin data.</summary>
public sealed class PinyinTests
{
    private static readonly PlaceNamePinyin Romanizer = new(PinyinTable.Shared);

    [Theory]
    [InlineData("玉林市", "Yulin Shi")]
    [InlineData("玉州区", "Yuzhou Qu")]
    [InlineData("福绵区", "Fumian Qu")]
    [InlineData("容县", "Rong Xian")]
    [InlineData("陆川县", "Luchuan Xian")]
    [InlineData("博白县", "Bobai Xian")]
    [InlineData("兴业县", "Xingye Xian")]
    [InlineData("北流市", "Beiliu Shi")]
    [InlineData("新圩镇", "Xinxu Zhen")]
    [InlineData("那卜镇", "Nabu Zhen")]
    [InlineData("民乐镇", "Minle Zhen")]
    [InlineData("名山街道", "Mingshan Jiedao")]
    [InlineData("新南社区居委会", "Xinnan Shequ Juweihui")]
    [InlineData("西安", "Xi'an")]
    [InlineData("老圩村委会", "Laoxu Cunweihui")]
    public void Names_are_romanised_by_the_place_name_rules(string name, string expected) =>
        Assert.Equal(expected, Romanizer.Romanize(name));

    [Fact]
    public void Table_loads_the_whole_reference_file() => Assert.True(PinyinTable.Shared.Count > 40_000);

    [Theory]
    [InlineData("陈小明", "chenxiaoming", "cxm")]
    [InlineData("黄丽", "huangli", "hl")]
    public void Person_names_get_search_keys(string name, string key, string initials)
    {
        Assert.Equal(key, PinyinTable.Shared.SearchKey(name));
        Assert.Equal(initials, PinyinTable.Shared.Initials(name));
    }
}
