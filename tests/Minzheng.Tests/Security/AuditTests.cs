using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Security;

/// <summary>Every write is audited with old and new values; entries form an SM3 hash chain; tampering is found.</summary>
public abstract class AuditTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [Fact]
    public async Task Writes_and_sign_ins_are_audited_then_a_tampered_row_breaks_the_chain()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var created = await (await clerk.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "审计甲", divisionCode = Xinnan, phone = "13800001111" })).JsonAsync();
        var id = created.GetProperty("id").GetString()!;
        var update = await clerk.PutAsJsonAsync($"/api/v1/persons/{id}", new { name = "审计乙", divisionCode = Xinnan, version = 0 });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var failed = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "rongzhou.approver", password = "Wrong#Pass1" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);

        var auditor = await app.ClientAsync("auditor");
        var entries = (await auditor.GetJsonAsync($"/api/v1/audit?entityType=registry_person&entityId={id}")).GetProperty("items").EnumerateArray().ToList();
        var insert = entries.Single(e => e.GetProperty("action").GetString() == "insert");
        var change = entries.Single(e => e.GetProperty("action").GetString() == "update");
        Assert.Equal("rongzhou.clerk", change.GetProperty("userName").GetString());
        Assert.Contains("\"name\":[\"审计甲\",\"审计乙\"]", change.GetProperty("changes").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"phone_masked\":[\"138****1111\",null]", change.GetProperty("changes").GetString(), StringComparison.Ordinal);
        Assert.Contains("[已加密]", insert.GetProperty("changes").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("13800001111", insert.GetProperty("changes").GetString(), StringComparison.Ordinal);
        Assert.Equal(Xinnan, change.GetProperty("divisionCode").GetString());

        var failedSignIn = (await auditor.GetJsonAsync("/api/v1/audit?action=sign_in_failed&userName=rongzhou.approver")).GetProperty("items");
        Assert.True(failedSignIn.GetArrayLength() >= 1);

        var ok = await auditor.GetJsonAsync("/api/v1/audit/verify");
        Assert.True(ok.GetProperty("ok").GetBoolean(), ok.ToString());
        Assert.True(ok.GetProperty("entries").GetInt64() > 3);

        // the application refuses to change a written entry
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var first = await db.AuditEntries.OrderBy(e => e.ChainIndex).FirstAsync();
            first.Changes = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });

        // a row changed directly in the database is found: the first broken entry is reported
        var target = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var row = await db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex != null && e.EntityId == id && e.Action == "update").SingleAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE audit_entry SET changes = {"{\"name\":[\"审计甲\",\"别人\"]}"} WHERE id = {row.Id}");
            return row.Id;
        });
        var broken = await auditor.GetJsonAsync("/api/v1/audit/verify");
        Assert.False(broken.GetProperty("ok").GetBoolean());
        Assert.Equal(target.ToString(), broken.GetProperty("firstBrokenId").GetString());
    }

    [Fact]
    public void Chain_hash_depends_on_every_field_and_the_previous_hash()
    {
        var e = new AuditEntry { UserName = "u", Action = "update", EntityType = "t", EntityId = "1", Changes = "{}", At = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var h = AuditSealer.Compute(e, 1, AuditSealer.Genesis);
        Assert.Equal(64, h.Length);
        Assert.NotEqual(h, AuditSealer.Compute(e, 2, AuditSealer.Genesis));
        Assert.NotEqual(h, AuditSealer.Compute(e, 1, h));
        e.Changes = "{ }";
        Assert.NotEqual(h, AuditSealer.Compute(e, 1, AuditSealer.Genesis));
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
