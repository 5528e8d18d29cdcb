
namespace Elfs.Benchmarks.Engine;

/// <summary>
/// PCA through the binding without a linear-algebra export: covariance by GEMM, then subspace iteration with a
/// Gram–Schmidt step in C#. The projection spans the top components (up to a rotation inside the subspace, which
/// leaves distances and cosine neighbours unchanged).
/// </summary>
internal static class Pca
{
    public static float[] Project(float[] data, int rows, int dim, int components, int iterations = 60)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(data, [rows, dim]);
        var centred = x - x.mean([0], keepdim: true);
        var covariance = centred.t().mm(centred) / rows;
        using var g = new Generator(0, torch.CPU);
        var basis = torch.randn([dim, components], generator: g);
        for (var i = 0; i < iterations; i++) basis = Orthonormalize(covariance.mm(basis));
        return centred.mm(basis).ToArray<float>();
    }

    private static Tensor Orthonormalize(Tensor m)
    {
        var rows = (int)m.size(0);
        var cols = (int)m.size(1);
        var a = m.ToArray<float>().Select(v => (double)v).ToArray();
        for (var j = 0; j < cols; j++)
        {
            for (var p = 0; p < j; p++)
            {
                double dot = 0;
                for (var r = 0; r < rows; r++) dot += a[r * cols + j] * a[r * cols + p];
                for (var r = 0; r < rows; r++) a[r * cols + j] -= dot * a[r * cols + p];
            }
            double norm = 0;
            for (var r = 0; r < rows; r++) norm += a[r * cols + j] * a[r * cols + j];
            norm = Math.Sqrt(norm);
            for (var r = 0; r < rows; r++) a[r * cols + j] /= norm;
        }
        return torch.tensor(a.Select(v => (float)v).ToArray(), [rows, cols]);
    }
}
