def scale(x: Int) -> Int:
    return x


@fieldwise_init
struct Unit:
    var name: String
