namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// A module's panel on the one-person view (一人一档): cases, benefits, payments, findings… Each module
/// registers its own (services.AddScoped&lt;IPersonPanel, …&gt;()); the person page renders them all.
/// </summary>
public interface IPersonPanel
{
    /// <summary>The module key in <see cref="Ui.ModuleCatalog"/>.</summary>
    string ModuleKey { get; }

    string Title { get; }

    int Order { get; }

    /// <summary>A Razor partial (absolute path) that renders the model returned by <see cref="LoadAsync"/>.</summary>
    string PartialView { get; }

    Task<object?> LoadAsync(Guid personId, CancellationToken ct);
}
