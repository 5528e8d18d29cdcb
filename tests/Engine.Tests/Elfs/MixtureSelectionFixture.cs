namespace Elfs.Engine.Tests.Elfs;

/// <summary>Runs ELFS once on the Gaussian mixture with the small profile; several tests read the result.</summary>
public sealed class MixtureSelectionFixture
{
    public MixtureSelectionFixture()
    {
        Mixture = GaussianMixture.Create();
        LiveTensorsBefore = LiveTensors.OnThisThread;
        Options = new SelectionOptions { Clusters = 5, Fraction = 0.3, Beta = 0.1, Seed = 11, Device = "cpu", Method = SelectionMethod.Elfs };
        Result = ElfsSelector.Select(Mixture.Data, Mixture.Rows, Mixture.Dim, Options, TestProfiles.Small);
        LiveTensorsAfter = LiveTensors.OnThisThread;
    }

    public GaussianMixture Mixture { get; }

    public SelectionOptions Options { get; }

    public SelectionResult Result { get; }

    public long LiveTensorsBefore { get; }

    public long LiveTensorsAfter { get; }
}
