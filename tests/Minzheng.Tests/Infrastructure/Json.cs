using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Infrastructure;

public static class HttpExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>Polls <c>/api/v1/imports/{id}</c> until the batch's current step (validation or commit) is done, and returns the batch.</summary>
    public static async Task<JsonElement> WaitForImportAsync(this HttpClient client, string id)
    {
        for (var i = 0; i < 600; i++)
        {
            var batch = await client.GetJsonAsync($"/api/v1/imports/{id}");
            if (batch.GetProperty("progress").GetProperty("done").GetBoolean()) return batch;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    /// <summary>GETs a list endpoint (ADR 021: <c>{ items, total }</c>) and returns its items, asking for the largest page unless the URL names one.</summary>
    public static async Task<List<JsonElement>> GetItemsAsync(this HttpClient client, string url)
    {
        if (!url.Contains("pageSize=", StringComparison.Ordinal)) url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=200";
        var json = await client.GetJsonAsync(url);
        Assert.True(json.ValueKind == JsonValueKind.Object && json.TryGetProperty("total", out _), $"GET {url}: not a paged {{items,total}} answer: {json}");
        return [.. json.GetProperty("items").EnumerateArray()];
    }

    public static async Task<JsonElement> ExpectProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
        return json;
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the response.</summary>
    public static async Task<HttpResponseMessage> EnsureStatus(this Task<HttpResponseMessage> pending, System.Net.HttpStatusCode status)
    {
        var response = await pending;
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public static async Task<JsonElement> ExpectProblemAsync(this Task<HttpResponseMessage> pending, int status, string code) => await (await pending).ExpectProblemAsync(status, code);
}
