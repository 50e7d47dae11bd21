"""The Traditional Chinese of Taiwan news from Simplified text (`taiwan.Taiwan`): names kept, words
with two uses by their context, reviewed Taiwan vocabulary over OpenCC's Taiwan characters.

Pure text in, text out; its data (vocabulary, senses, name forms, characters) are the YAML files
beside the modules, shipped with the package.
"""
