using Elfs.Benchmarks;

return BenchmarkRunner.Run(args);
