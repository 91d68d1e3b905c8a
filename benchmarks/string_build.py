# String building: the same as string_build.ember, with += on a str.
def main():
    text = ""
    for i in range(3_000_000):
        text += str(i)
        text += ","
    print(len(text), text[len(text) - 2])


main()
