// glTF/GLB and STL in an interactive view: three.js, the model framed by its bounding box, orbit
// controls (drag to turn, wheel to zoom). A .gltf's external buffers and images ("scene.bin",
// "textures/steel.png" is not followed: same folder only) are fetched from the files of that name
// next to it. Returns what frees the view's GPU resources.
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export async function showModel(url: string, name: string, stage: HTMLElement,
  sibling: (name: string) => Promise<string | null>): Promise<() => void> {
  const width = Math.min(stage.clientWidth || 800, 900);
  const height = Math.round(width * 0.6);
  // preserveDrawingBuffer: the drawn pixels stay readable (a test checks the model is drawn).
  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.setSize(width, height);
  renderer.domElement.setAttribute('aria-label', `3D view of ${name}`);
  renderer.domElement.setAttribute('role', 'img');
  renderer.domElement.tabIndex = 0;
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0xf4f6f8);
  scene.add(new THREE.HemisphereLight(0xffffff, 0x667788, 2.5));
  const sun = new THREE.DirectionalLight(0xffffff, 2);
  sun.position.set(1, 2, 3);
  scene.add(sun);

  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`the server answered ${response.status}`);
  }
  const data = await response.arrayBuffer();
  let model: THREE.Object3D;
  if (name.toLowerCase().endsWith('.stl')) {
    const geometry = new STLLoader().parse(data);
    model = new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: 0x8899aa, side: THREE.DoubleSide }));
  } else {
    const loader = new GLTFLoader(await externals(data, name, sibling));
    const gltf = await loader.parseAsync(data, '');
    model = gltf.scene;
    model.traverse((o) => {
      const mesh = o as THREE.Mesh;
      if (mesh.isMesh && !Array.isArray(mesh.material)) {
        mesh.material.side = THREE.DoubleSide;
      }
    });
  }
  scene.add(model);

  const box = new THREE.Box3().setFromObject(model);
  const size = box.getSize(new THREE.Vector3()).length() || 1;
  const center = box.getCenter(new THREE.Vector3());
  const camera = new THREE.PerspectiveCamera(45, width / height, size / 100, size * 100);
  camera.position.copy(center).add(new THREE.Vector3(0, size * 0.2, size * 1.2));
  camera.lookAt(center);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.target.copy(center);
  controls.update();
  const draw = () => renderer.render(scene, camera);
  controls.addEventListener('change', draw);
  stage.append(renderer.domElement);
  draw();
  return () => {
    controls.dispose();
    renderer.dispose();
  };
}

// A loading manager that sends a .gltf's relative URIs to the files of those names in its folder;
// an unknown one fails the load with its name.
async function externals(data: ArrayBuffer, name: string, sibling: (name: string) => Promise<string | null>):
  Promise<THREE.LoadingManager> {
  const manager = new THREE.LoadingManager();
  if (!name.toLowerCase().endsWith('.gltf')) {
    return manager;
  }
  const json = JSON.parse(new TextDecoder().decode(data)) as { buffers?: { uri?: string }[]; images?: { uri?: string }[] };
  const uris = [...(json.buffers ?? []), ...(json.images ?? [])].map((r) => r.uri)
    .filter((u): u is string => typeof u === 'string' && !u.startsWith('data:'));
  const found = new Map<string, string>();
  for (const uri of uris) {
    const file = decodeURIComponent(uri);
    const target = file.includes('/') ? null : await sibling(file);
    if (!target) {
      throw new Error(`${name} needs ${file}, which is not in its folder`);
    }
    found.set(uri, target);
  }
  manager.setURLModifier((requested) => found.get(requested) ?? requested);
  return manager;
}
