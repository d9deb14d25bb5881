using Microsoft.AspNetCore.Http.Extensions;

namespace Minzheng.Web.Platform.Ui;

/// <summary>Pager for server-side lists: keeps every filter in the query string and changes only the page.</summary>
public sealed class PagerModel(HttpRequest request, int page, int pageCount, int total)
{
    public int Page => page;
    public int PageCount => pageCount;
    public int Total => total;

    public string Url(int p)
    {
        var query = request.Query.Where(kv => !kv.Key.Equals("page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.Path + new QueryBuilder(query!).ToQueryString();
    }

    public IEnumerable<int> Window()
    {
        var from = Math.Max(1, page - 4);
        var to = Math.Min(pageCount, from + 8);
        for (var p = from; p <= to; p++) yield return p;
    }
}
