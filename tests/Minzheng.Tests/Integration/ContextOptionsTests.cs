using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Integration;

/// <summary>
/// ADR 080: a request's context reuses options built once, carrying the model built once — EF otherwise rebuilds the options
/// and searches the assembly for a compiled model for every context, a fifth of a person lookup's time in the application.
/// </summary>
public sealed class ContextOptionsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_request_context_shares_one_set_of_options_that_carries_the_model()
    {
        var (first, firstModel) = await app.WithServicesAsync(sp => Task.FromResult(Options(sp)));
        var (second, secondModel) = await app.WithServicesAsync(sp => Task.FromResult(Options(sp)));
        Assert.Same(first, second);
        var model = first.FindExtension<CoreOptionsExtension>()?.Model;
        Assert.NotNull(model);
        Assert.Same(model, firstModel);
        Assert.Same(model, secondModel);
    }

    private static (DbContextOptions Options, object Model) Options(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return (db.GetService<IDbContextOptions>() as DbContextOptions ?? throw new InvalidOperationException("no options"), db.Model);
    }
}
