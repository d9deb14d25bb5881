using Minzheng.Bench;

try
{
    return args.FirstOrDefault() switch
    {
        "payroll" => await PayrollBench.RunAsync(BenchArgs.Parse(args.Skip(1))),
        "payroll-one" => await PayrollPhases.RunAsync(BenchArgs.Parse(args.Skip(1))),
        "comparison" => await ComparisonBench.RunAsync(BenchArgs.Parse(args.Skip(1))),
        "comparison-one" => await ComparisonPhases.RunAsync(BenchArgs.Parse(args.Skip(1))),
        "dataset-import" => await DatasetImportBench.RunAsync(BenchArgs.Parse(args.Skip(1))),
        "dataset-import-one" => await DatasetImportPhases.RunAsync(BenchArgs.Parse(args.Skip(1))),
        "http-load" => await HttpLoadBench.RunAsync(BenchArgs.Parse(args.Skip(1))),
        "http-load-one" => await HttpLoadSetup.RunAsync(BenchArgs.Parse(args.Skip(1))),
        _ => BenchArgs.Usage(),
    };
}
catch (ArgumentException e)
{
    // a mistyped option is the caller's error, not a benchmark failure: say which, show the usage, exit 2
    Console.Error.WriteLine("error: " + e.Message);
    return BenchArgs.Usage();
}
