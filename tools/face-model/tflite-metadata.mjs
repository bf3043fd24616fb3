// TFLite metadata (the TFLITE_METADATA entry of Model.metadata). MediaPipe Tasks reads the
// input image's normalization from it and refuses a float32 input without it.

export const TFLITE_METADATA_NAME = 'TFLITE_METADATA';

const LICENSE = 'Apache License. Version 2.0 http://www.apache.org/licenses/LICENSE-2.0.';

/**
 * A ModelMetadata object (JSON form of metadata_schema.fbs) for a model with one RGB image
 * input normalized as (pixel - mean) / std.
 * @param {{ name: string, description: string, author: string, inputName: string,
 *   inputDescription: string, mean: number, std: number }} spec
 */
export function imageModelMetadata(spec) {
  const min = (0 - spec.mean) / spec.std;
  const max = (255 - spec.mean) / spec.std;
  return {
    name: spec.name,
    description: spec.description,
    version: '1',
    subgraph_metadata: [
      {
        input_tensor_metadata: [
          {
            name: spec.inputName,
            description: spec.inputDescription,
            content: {
              content_properties_type: 'ImageProperties',
              content_properties: { color_space: 'RGB' },
            },
            process_units: [
              {
                options_type: 'NormalizationOptions',
                options: { mean: [spec.mean], std: [spec.std] },
              },
            ],
            stats: { max: [max], min: [min] },
          },
        ],
      },
    ],
    author: spec.author,
    license: LICENSE,
    min_parser_version: '1.0.0',
  };
}

/**
 * Adds (or replaces) the TFLITE_METADATA entry of a TFLite Model object, its data in a new buffer.
 * @param {{ buffers: { data?: number[] }[], metadata?: { name: string, buffer: number }[] }} model
 * @param {Uint8Array} metadataFlatbuffer a ModelMetadata flatbuffer (file identifier "M001")
 */
export function attachTfliteMetadata(model, metadataFlatbuffer) {
  const identifier = String.fromCharCode(...metadataFlatbuffer.subarray(4, 8));
  if (identifier !== 'M001') throw new Error(`metadata flatbuffer has identifier "${identifier}", expected "M001"`);
  if (model.metadata?.some((entry) => entry.name === TFLITE_METADATA_NAME)) {
    throw new Error(`the model already has ${TFLITE_METADATA_NAME}; expected the unmodified face_mesh model`);
  }
  model.buffers.push({ data: Array.from(metadataFlatbuffer) });
  model.metadata = [...(model.metadata ?? []), { name: TFLITE_METADATA_NAME, buffer: model.buffers.length - 1 }];
}
