namespace Elfs.Engine.Tests.Runtime;

public sealed class TensorDataTests
{
    [Fact]
    public void Values_survive_a_round_trip_through_a_tensor_in_row_major_order()
    {
        float[] values = [1.5f, -2f, 3.25f, 0f, 7f, -0.125f];
        using var t = TensorData.FromSpan<float>(values, [2, 3]);
        Assert.Equal([2L, 3L], t.shape);
        Assert.Equal(3.25f, t[0, 2].item<float>());
        Assert.Equal(values, t.ToArray<float>());
    }

    [Fact]
    public void A_transposed_view_is_read_in_its_own_row_major_order()
    {
        using var t = TensorData.FromSpan<long>([1, 2, 3, 4, 5, 6], [2, 3]);
        using var transposed = t.t();
        Assert.Equal([1L, 4L, 2L, 5L, 3L, 6L], transposed.ToArray<long>());
    }

    [Fact]
    public void Booleans_bytes_and_halves_round_trip()
    {
        using var b = TensorData.FromSpan<bool>([true, false, true], [3]);
        Assert.Equal([true, false, true], b.ToArray<bool>());
        using var u = TensorData.FromSpan<byte>([0, 128, 255], [3]);
        Assert.Equal([0, 128, 255], u.ToArray<byte>());
        using var h = TensorData.FromSpan<Half>([(Half)0.5f, (Half)(-3f)], [2]);
        Assert.Equal([(Half)0.5f, (Half)(-3f)], h.ToArray<Half>());
    }

    [Fact]
    public void A_shape_the_values_do_not_fill_and_a_wrong_element_type_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => TensorData.FromSpan<float>([1f, 2f, 3f], [2, 2]));
        Assert.Contains("3 values do not fill shape [2, 2] (4 elements)", e.Message);
        using var t = torch.zeros([2]);
        Assert.Throws<ArgumentException>(() => t.ToArray<long>());
        Assert.Throws<ArgumentException>(() => t.CopyTo<float>(new float[3]));
    }
}
