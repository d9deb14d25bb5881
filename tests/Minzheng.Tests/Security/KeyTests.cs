using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Commands;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Security;

/// <summary>A second application over an existing data directory, optionally with another key file.</summary>
public sealed class ReopenedApp : AppFixture
{
    private readonly string? _keyFile;

    public ReopenedApp(string dataDirectory, string? keyFile)
    {
        DataDirectory = dataDirectory;
        ConnectionString = $"Data Source={Path.Combine(dataDirectory, "minzheng.db")}";
        _keyFile = keyFile;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        _keyFile is null ? [] : [new("Minzheng:Crypto:KeyFile", _keyFile)];

    // The data directory belongs to the first application: leave it alone.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
    }
}

public sealed class KeyMismatchTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_start_with_another_key_is_refused_with_a_clear_message()
    {
        var otherKey = Path.Combine(Path.GetTempPath(), $"minzheng-other-key-{Guid.NewGuid():N}.json");
        KeyStore.Write(otherKey, CryptoKeys.Generate(DateTime.UtcNow));
        try
        {
            var reopened = new ReopenedApp(app.DataDirectory, otherKey);
            var error = Assert.ThrowsAny<Exception>(() => reopened.Server);
            var all = string.Join(" | ", Flatten(error).Select(e => e.Message));
            Assert.Contains("拒绝启动", all, StringComparison.Ordinal);
            Assert.Contains("另一套密钥", all, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(otherKey);
        }
        // the right key still works
        var client = await app.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/persons?pageSize=1")).StatusCode);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}

public sealed class KeyRotationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Rotation_reseals_every_identifier_and_the_registry_stays_searchable()
    {
        var before = await app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Persons.AsNoTracking()
            .Where(p => p.PhoneCipher != null).Select(p => new { p.Id, p.IdNumberCipher, p.PhoneCipher }).FirstAsync());
        var oldProtector = app.Services.GetRequiredService<IdentifierProtector>();
        var idNumber = oldProtector.Decrypt(before.IdNumberCipher!, ProtectedKind.IdNumber);
        var phone = oldProtector.Decrypt(before.PhoneCipher!, ProtectedKind.Phone);

        // a payment line holding a copy of someone's account
        var account = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var payee = await db.Persons.AsNoTracking().FirstAsync(p => p.BankAccountCipher != null);
            db.Set<Web.Modules.Payments.PayrollLine>().Add(new Web.Modules.Payments.PayrollLine
            {
                PayrollId = Guid.CreateVersion7(),
                Program = "dibao",
                SourceNumber = "KEY-TEST",
                PayeePersonId = payee.Id,
                DivisionCode = payee.DivisionCode,
                ServiceMonth = new DateOnly(2026, 11, 1),
                Explanation = "[]",
                BankAccountCipher = payee.BankAccountCipher,
                BankAccountMasked = payee.BankAccountMasked,
            });
            await db.SaveChangesAsync();
            return oldProtector.Decrypt(payee.BankAccountCipher!, ProtectedKind.BankAccount);
        });

        // an organisation's phone and account, protected like a person's
        var organizationId = await app.WithServicesAsync(async sp =>
        {
            var o = await sp.GetRequiredService<Web.Platform.Registry.Organizations.OrganizationRegistration>().CreateAsync(new Web.Platform.Registry.Organizations.OrganizationInput
            {
                Name = "密钥轮换测试敬老院",
                Kind = Web.Platform.Registry.Organizations.OrganizationKind.PublicInstitution,
                DivisionCode = "450921100000",
                Phone = "07755321234",
                BankName = "测试银行",
                BankAccount = "20650101040012345",
            });
            Assert.Equal(1, IdentifierProtector.KeyIdOf(o.BankAccountCipher!));
            return o.Id;
        });

        var output = new StringWriter();
        Assert.Equal(0, await KeyRotation.RotateAsync(app.Services, output));
        Assert.Contains("当前密钥编号 2", output.ToString(), StringComparison.Ordinal);

        var keys = CryptoKeys.FromJson(await File.ReadAllTextAsync(KeyStore.DefaultPath(app.Services.GetRequiredService<PlatformOptions>())));
        Assert.Equal(2, keys.CurrentKeyId);
        Assert.Equal(2, keys.EncryptionKeys.Count); // the old key stays for old backups
        var rotated = new IdentifierProtector(keys);
        var ciphers = await app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Persons.AsNoTracking()
            .Select(p => new { p.Id, p.IdNumberCipher, p.PhoneCipher, p.BankAccountCipher }).ToListAsync());
        Assert.All(ciphers, c =>
        {
            if (c.IdNumberCipher is not null) Assert.Equal(2, IdentifierProtector.KeyIdOf(c.IdNumberCipher));
            if (c.PhoneCipher is not null) Assert.Equal(2, IdentifierProtector.KeyIdOf(c.PhoneCipher));
            if (c.BankAccountCipher is not null) Assert.Equal(2, IdentifierProtector.KeyIdOf(c.BankAccountCipher));
        });
        var after = ciphers.Single(c => c.Id == before.Id);
        Assert.Equal(idNumber, rotated.Decrypt(after.IdNumberCipher!, ProtectedKind.IdNumber));
        Assert.Equal(phone, rotated.Decrypt(after.PhoneCipher!, ProtectedKind.Phone));
        var line = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Web.Modules.Payments.PayrollLine>().AsNoTracking().SingleAsync(l => l.SourceNumber == "KEY-TEST"));
        Assert.Equal(2, IdentifierProtector.KeyIdOf(line.BankAccountCipher!));
        Assert.Equal(account, rotated.Decrypt(line.BankAccountCipher!, ProtectedKind.BankAccount));

        var organization = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId));
        Assert.Equal(2, IdentifierProtector.KeyIdOf(organization.PhoneCipher!));
        Assert.Equal("07755321234", rotated.Decrypt(organization.PhoneCipher!, ProtectedKind.Phone));
        Assert.Equal("20650101040012345", rotated.Decrypt(organization.BankAccountCipher!, ProtectedKind.BankAccount));

        // lookups use the unchanged HMAC key: search by full ID number still finds the person
        var client = await app.ClientAsync("admin");
        Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/persons?idNumber={idNumber}")).GetProperty("total").GetInt32());
    }
}
