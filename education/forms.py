from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the pages",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())
