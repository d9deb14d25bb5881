using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Security;

/// <summary>ID numbers, phones and bank accounts are stored encrypted, found by keyed hash, shown masked, revealed only with permission and audited.</summary>
public abstract class ProtectedIdentifierTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    /// <summary>Everything the database holds, as text: the SQLite files' bytes, or every row of every table on PostgreSQL.</summary>
    private async Task<string> RawDatabaseAsync()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // include the write-ahead log, where recent rows live until a checkpoint
            var file = Path.Combine(app.DataDirectory, "minzheng.db");
            var sb = new StringBuilder();
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var ms = new MemoryStream();
                await fs.CopyToAsync(ms);
                var bytes = ms.ToArray();
                sb.Append(Encoding.Latin1.GetString(bytes)).Append(Encoding.UTF8.GetString(bytes)).Append(Encoding.Unicode.GetString(bytes));
            }
            return sb.ToString();
        }
        return await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            var tables = new List<string>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) tables.Add(r.GetString(0));
            }
            var sb = new StringBuilder();
            foreach (var t in tables)
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"SELECT t::text FROM \"{t}\" t";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) sb.AppendLine(r.GetString(0));
            }
            return sb.ToString();
        });
    }

    [Fact]
    public async Task A_full_id_number_is_found_although_the_database_holds_none_in_plain_text()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("admin");
        var idNumber = TestIds.Next();
        const string phone = "13977512345";
        const string account = "6230580000123456789";
        var created = await client.PostAsJsonAsync("/api/v1/persons", new { idNumber, name = "蒙秘密", divisionCode = Xinnan, phone, bankName = "广西农村信用社", bankAccount = account });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var put = await client.PutAsJsonAsync($"/api/v1/persons/{id}", new { idNumber, name = "蒙秘密", divisionCode = Xinnan, phone, bankName = "广西农村信用社", bankAccount = account, address = "新地址", version = 0 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var found = await client.GetJsonAsync($"/api/v1/persons?idNumber={idNumber}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        var raw = await RawDatabaseAsync();
        Assert.Contains("蒙秘密", raw, StringComparison.Ordinal); // the dump is real: a name in clear is there
        Assert.DoesNotContain(idNumber, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(account, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[..17], raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revealing_needs_the_permission_and_a_reason_and_is_audited()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next();
        var person = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name = "揭示", divisionCode = Xinnan, bankName = "中国农业银行", bankAccount = "622848 0000 1111 2222" })).JsonAsync();
        var id = person.GetProperty("id").GetString();
        Assert.Equal("6228**********2222", person.GetProperty("bankAccountMasked").GetString());

        var clerk = await app.ClientAsync("rongzhou.clerk");
        await (await clerk.PostAsJsonAsync($"/api/v1/persons/{id}/reveal", new { reason = "核对" })).ExpectProblemAsync(403, "forbidden");

        var county = await app.ClientAsync("rongxian.officer");
        await (await county.PostAsJsonAsync($"/api/v1/persons/{id}/reveal", new { reason = "" })).ExpectProblemAsync(400, "validation_failed");
        var revealed = await (await county.PostAsJsonAsync($"/api/v1/persons/{id}/reveal", new { reason = "核对银行代发信息" })).JsonAsync();
        Assert.Equal(idNumber, revealed.GetProperty("idNumber").GetString());
        Assert.Equal("622848000011112222", revealed.GetProperty("bankAccount").GetString());

        var auditor = await app.ClientAsync("auditor");
        var log = await auditor.GetJsonAsync($"/api/v1/audit?action=reveal&entityId={id}");
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal("rongxian.officer", entry.GetProperty("userName").GetString());
        Assert.Contains("核对银行代发信息", entry.GetProperty("changes").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, entry.GetProperty("changes").GetString(), StringComparison.Ordinal);
    }
}

public sealed class ProtectedIdentifierTestsOnSqlite(SqliteApp app) : ProtectedIdentifierTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectedIdentifierTestsOnPostgres(PostgresApp app) : ProtectedIdentifierTests(app), IClassFixture<PostgresApp>;
