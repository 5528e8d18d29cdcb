using Elfs.Host.Tests;
using Elfs.Host.Demo;

namespace Elfs.EndToEnd.Tests;

/// <summary>Fashion-MNIST test images exported once as PNG, shared read-only by the tests.</summary>
public sealed class FashionImages : IDisposable
{
    public const int Count = 120;

    private readonly TempFolder _temp = new();

    public FashionImages()
    {
        Folder = _temp.File("images");
        Files = DemoImages.ExportPng(Folder, Count);
    }

    public string Folder { get; }

    public IReadOnlyList<string> Files { get; }

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class FashionImagesCollection : ICollectionFixture<FashionImages>
{
    public const string Name = "fashion images";
}
