using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// Identity's user manager with lockout on the application's <see cref="TimeProvider"/> (Identity 10 reads
/// the system clock directly), so lockout periods follow the same clock as everything else, tests included.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider time)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<AppUser> LockoutStore => (IUserLockoutStore<AppUser>)Store;

    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)) return false;
        var end = await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken);
        return end is { } e && e >= time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts) return await UpdateUserAsync(user);
        await LockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
    }
}
