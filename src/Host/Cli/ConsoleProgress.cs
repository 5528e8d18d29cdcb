using System.Collections.Concurrent;
using System.Diagnostics;
using Elfs.Host.Runs;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Elfs.Host.Cli;

/// <summary>Shows a run's progress: Spectre.Console progress bars on a terminal, periodic log lines otherwise.</summary>
public static partial class ConsoleProgress
{
    /// <summary>Whether stdout and stderr are an interactive terminal.</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/>, rendering the progress it reports.</summary>
    public static async Task<T> RunAsync<T>(Func<IProgress<PipelineProgress>, Task<T>> work, ILogger logger)
    {
        if (!IsInteractive)
            return await work(new LogProgress(logger));
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(ctx => work(new BarProgress(ctx)));
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<PipelineProgress>
    {
        private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new();

        public void Report(PipelineProgress value)
        {
            var task = _tasks.GetOrAdd(value.Stage, s => context.AddTask(Markup.Escape(s), maxValue: 1));
            if (value.Total > 0)
            {
                task.MaxValue = value.Total;
                task.Value = value.Step;
            }
            else
            {
                task.IsIndeterminate = true;
            }
            task.Description = Markup.Escape(value.Detail is null ? value.Stage : $"{value.Stage} ({value.Detail})");
            if (value.Total > 0 && value.Step >= value.Total)
                task.StopTask();
        }
    }

    private sealed partial class LogProgress(ILogger logger) : IProgress<PipelineProgress>
    {
        private readonly ConcurrentDictionary<string, long> _last = new();

        public void Report(PipelineProgress value)
        {
            var now = Stopwatch.GetTimestamp();
            var done = value.Total > 0 && value.Step >= value.Total;
            var last = _last.GetOrAdd(value.Stage, 0);
            if (!done && last != 0 && Stopwatch.GetElapsedTime(last, now) < TimeSpan.FromSeconds(5))
                return;
            _last[value.Stage] = now;
            var step = value.Step.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Log(logger, value.Stage, value.Total > 0 ? $"{step}/{value.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : step, value.Detail ?? "");
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "{Stage}: {Progress} {Detail}")]
        private static partial void Log(ILogger logger, string stage, string progress, string detail);
    }
}
