namespace Minzheng.Web.Platform.Composition;

/// <summary>A permission a module introduces, with the Chinese description administrators see when they edit roles.</summary>
public sealed record PermissionDeclaration(string Name, string Description);

/// <summary>
/// A line of business of the 2020 work plan in the navigation: <paramref name="ChapterMarker"/> finds its chapter in the plan
/// (shown for lines not built yet), <paramref name="Path"/> is null until a module serves it, <paramref name="Order"/> is its
/// place in the plan's order.
/// </summary>
public sealed record NavigationEntry(string Key, string Name, string Scope, string ChapterMarker, string? Path, int Order)
{
    /// <summary>
    /// Set while only part of the line is served (at <see cref="Path"/>): what that part is, e.g. "仅行政区划". The entry then leads
    /// to its own page, which says what is built and links to it, instead of passing the part off as the whole line.
    /// </summary>
    public string? Partly { get; init; }

    /// <summary>Where the navigation leads: the module's page when it is built, else the line's page (plan excerpt, what exists).</summary>
    public string Href => Path is not null && Partly is null ? Path : "/modules/" + Key;

    /// <summary>已上线 / 部分上线（…） / 尚未上线.</summary>
    public string Status => Path is null ? "尚未上线" : Partly is null ? "已上线" : $"部分上线（{Partly}）";
}

/// <summary>
/// What a module tells the kernel about itself, registered from its own folder (<c>services.AddModuleDeclaration</c>), so the
/// kernel names no module: its permissions and the roles they are granted to by default, its navigation entry, and the
/// prefix of its tables. Person panels, death handlers, benefit actions, key-rotation participants and entitlement programs are
/// registered the same way, as implementations of the kernel's contracts.
/// </summary>
/// <param name="Key">Stable module key (also the navigation key and the person panel's module key).</param>
/// <param name="Anchor">A type in the module's root namespace; the module's types are those in that namespace or below.</param>
/// <param name="TablePrefix">Every table the module maps starts with this (checked by a test).</param>
/// <summary>A citizen page of a module in the citizens' navigation: shown only with <see cref="Permission"/>, in <see cref="Order"/>.</summary>
public sealed record CitizenLink(string Path, string Name, string Permission, int Order);

public sealed record ModuleDeclaration(string Key, Type Anchor, string TablePrefix)
{
    public IReadOnlyList<PermissionDeclaration> Permissions { get; init; } = [];

    /// <summary>Role name (<see cref="Access.Roles"/>) → the module's permissions that role starts with; administrators may change them.</summary>
    public IReadOnlyDictionary<string, string[]> RoleGrants { get; init; } = new Dictionary<string, string[]>();

    public NavigationEntry? Navigation { get; init; }

    /// <summary>The module's pages for citizens (phone pages), shown in the citizens' navigation to those holding the permission.</summary>
    public IReadOnlyList<CitizenLink> CitizenLinks { get; init; } = [];

    /// <summary>The error codes only this module returns (<c>Contracts/&lt;Module&gt;Errors.cs</c>); shared ones are the kernel's.</summary>
    public IReadOnlyList<Http.ErrorCode> Errors { get; init; } = [];

    public string Namespace => Anchor.Namespace ?? throw new InvalidOperationException($"{Anchor} has no namespace");
}

public static class ModuleDeclarationExtensions
{
    public static IServiceCollection AddModuleDeclaration(this IServiceCollection services, ModuleDeclaration declaration) =>
        services.AddSingleton(declaration);

    /// <summary>A line of business of the plan that no module serves yet (or that a kernel page serves).</summary>
    public static IServiceCollection AddPlannedLine(this IServiceCollection services, NavigationEntry entry) => services.AddSingleton(entry);
}
