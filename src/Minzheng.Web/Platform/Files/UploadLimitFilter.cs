using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Files;

/// <summary>
/// The one upload limit of every page form that carries files. It runs before the antiforgery check, which would otherwise be
/// the first to read the form and answer an oversized one with a bare 400 and the page lost. It lets such a form through up to
/// <see cref="FileStore.MaxRequestBytes"/>, takes out each file over <see cref="FileStore.MaxBytes"/> and leaves a field problem
/// that <see cref="Ui.ProblemPageFilter"/> shows beside the field, on the page, with the rest of the form as typed (the handler
/// does not run). A body beyond the request limit cannot be read at all (not even its antiforgery token): the page is shown
/// again with the message on top (<see cref="TempDataKey"/>). APIs are not MVC actions: their 413 is the ProblemDetails
/// <c>file_too_large</c> of the status-code pages and of <see cref="FileStore"/>.
/// </summary>
public sealed class UploadLimitFilter(ITempDataDictionaryFactory tempData) : IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string TempDataKey = "UploadProblem";

    // after [RequestSizeLimit] (900), which this supersedes for file forms, and before the antiforgery check (1000)
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true) return;
        // a page that takes large CSV files says so ([UploadLimit]); every other file form has the default limits
        var large = context.ActionDescriptor.EndpointMetadata.OfType<UploadLimitAttribute>().Any();
        var fileBytes = large ? FileStore.MaxLargeBytes : FileStore.MaxBytes;
        var requestBytes = large ? FileStore.MaxLargeRequestBytes : FileStore.MaxRequestBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = requestBytes;
        // the form reader's own limit (128 MB by default) must not cut a large form short
        if (large && http.Features.Get<IFormFeature>() is not { Form: not null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = requestBytes }));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                                   || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            var message = $"上传的内容超过 {requestBytes / 1024 / 1024} MB，未能接收；单个文件不能超过 {fileBytes / 1024 / 1024} MB，请压缩或分成几个文件后再上传";
            var data = tempData.GetTempData(http);
            data[TempDataKey] = message;
            data.Save();
            var query = QueryString.Create(request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase)));
            context.Result = new RedirectResult(request.PathBase + request.Path + query);
            return;
        }

        var tooLarge = form.Files.Where(f => f.Length > fileBytes).ToList();
        if (tooLarge.Count == 0) return;
        var kept = new FormFileCollection();
        kept.AddRange(form.Files.Except(tooLarge));
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(form.ToDictionary(f => f.Key, f => f.Value), kept)));
        var errors = tooLarge.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Select(f => $"“{f.FileName}”：{FileStore.TooLargeMessage(f.Length, fileBytes)}").ToArray());
        http.Items[typeof(UploadLimitFilter)] = new AppProblem(413, "file_too_large", string.Join("；", errors.SelectMany(e => e.Value)), errors);
    }

    /// <summary>The problem of files taken out of this request's form for their size, if any.</summary>
    public static AppProblem? ProblemOf(HttpContext http) => http.Items.TryGetValue(typeof(UploadLimitFilter), out var p) ? p as AppProblem : null;
}

/// <summary>
/// On a page that takes large CSV files (comparison datasets): files up to <see cref="FileStore.MaxLargeBytes"/> reach the page,
/// which passes them to a kind that takes them (<c>IImportKind.MaxCsvBytes</c>); the kind still refuses a large file of another type.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute;
